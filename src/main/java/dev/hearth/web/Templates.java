package dev.hearth.web;

import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.cache.ConcurrentMapTemplateCache;
import com.github.jknack.handlebars.Template;
import com.github.jknack.handlebars.io.ClassPathTemplateLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Handlebars templates from {@code src/main/resources/templates}, compiled once and shared.
 * {@code {{x}}} escapes for HTML; only sanitized comment HTML is ever written with {@code {{{x}}}}.
 */
public final class Templates {
  private final Handlebars handlebars;
  private final Map<String, Template> compiled = new ConcurrentHashMap<>();

  public Templates() {
    // The comment partial includes itself for replies; nesting is bounded by the display depth.
    // Without a template cache Handlebars parses a partial again at every inclusion: about a
    // millisecond per comment, most of the time a thread page took.
    this.handlebars = new Handlebars(new ClassPathTemplateLoader("/templates", ".hbs"))
        .with(new ConcurrentMapTemplateCache())
        .infiniteLoops(true);
  }

  public String render(String name, Object model) {
    try {
      return compiled.computeIfAbsent(name, this::compile).apply(model);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Template compile(String name) {
    try {
      return handlebars.compile(name);
    } catch (IOException e) {
      throw new UncheckedIOException("Template " + name + " could not be compiled", e);
    }
  }
}
