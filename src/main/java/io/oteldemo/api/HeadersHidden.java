package io.oteldemo.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** A request without some of its headers, as if the client had not sent them. */
final class HeadersHidden extends HttpServletRequestWrapper {

  private final Set<String> hidden = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

  HeadersHidden(HttpServletRequest request, List<String> hidden) {
    super(request);
    this.hidden.addAll(hidden);
  }

  @Override
  public String getHeader(String name) {
    return hidden.contains(name) ? null : super.getHeader(name);
  }

  @Override
  public Enumeration<String> getHeaders(String name) {
    return hidden.contains(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
  }

  @Override
  public Enumeration<String> getHeaderNames() {
    return Collections.enumeration(
        Collections.list(super.getHeaderNames()).stream()
            .filter(name -> !hidden.contains(name))
            .toList());
  }

  @Override
  public String getContentType() {
    return hidden.contains(HttpHeaders.CONTENT_TYPE) ? null : super.getContentType();
  }

  @Override
  public Locale getLocale() {
    return hidden.contains(HttpHeaders.ACCEPT_LANGUAGE) ? Locale.getDefault() : super.getLocale();
  }

  @Override
  public Enumeration<Locale> getLocales() {
    return hidden.contains(HttpHeaders.ACCEPT_LANGUAGE)
        ? Collections.enumeration(List.of(Locale.getDefault()))
        : super.getLocales();
  }
}
