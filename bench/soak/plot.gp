# The soak's CSV as one PNG: a panel per family of figures, minutes on x.
#   gnuplot -e "csv='run.csv'; png='run.png'; title='...'" bench/soak/plot.gp
set datafile separator ","
set terminal pngcairo size 1500,1250 font "DejaVu Sans,10"
set output png
set key outside top center horizontal font ",9"
set grid
set offsets 0.5, 0.5, 0, 0
set xlabel "minute"
set multiplot layout 3,2 title title font ",13"

set title "Memory (MB)"
set yrange [0:*]
plot csv using "minute":"heap_used_mb" with linespoints pt 7 ps 0.5 title "heap used", \
     ""  using "minute":"heap_after_gc_mb" with linespoints pt 7 ps 0.5 title "heap after full GC", \
     ""  using "minute":"rss_mb" with linespoints pt 7 ps 0.5 title "RSS"

set title "Open file descriptors and live subscribers"
plot csv using "minute":"open_fds" with linespoints pt 7 ps 0.5 title "server open fds", \
     ""  using "minute":"server_ws" with linespoints pt 7 ps 0.5 title "server WebSockets", \
     ""  using "minute":"live_connected" with linespoints pt 7 ps 0.5 title "client subscribed"

set title "Database pool (max seen in the minute, 5 s samples)"
plot csv using "minute":"pool_waiters_max" with linespoints pt 7 ps 0.5 title "waiters", \
     ""  using "minute":"pool_in_use_max" with linespoints pt 7 ps 0.5 title "connections in use (of 16)"

set title "Events outbox"
set y2tics
set y2range [0:*]
plot csv using "minute":"event_rows" with linespoints pt 7 ps 0.5 title "rows", \
     ""  using "minute":"events_pruned" axes x1y2 with impulses lw 4 title "pruned in the minute (right)"
unset y2tics

set title "Latency (ms, log scale)"
set logscale y
set yrange [1:*]
plot csv using "minute":"read_p50_ms" with linespoints pt 7 ps 0.5 title "read p50", \
     ""  using "minute":"read_p99_ms" with linespoints pt 7 ps 0.5 title "read p99", \
     ""  using "minute":"write_p50_ms" with linespoints pt 7 ps 0.5 title "write p50", \
     ""  using "minute":"write_p99_ms" with linespoints pt 7 ps 0.5 title "write p99"

unset logscale y
set yrange [0:*]
set title "Requests and errors per minute"
set y2tics
plot csv using "minute":"requests" with linespoints pt 7 ps 0.5 title "requests", \
     ""  using "minute":(column("err_4xx")+column("err_5xx")+column("err_net")) axes x1y2 with impulses lw 4 title "errors (right)"
unset multiplot
