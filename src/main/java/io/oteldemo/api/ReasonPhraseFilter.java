package io.oteldemo.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;

/**
 * Puts the right reason phrase into the status line of the statuses Liberty's HTTP channel does not
 * know: it writes {@code 429 Undefined}, which clients and proxies log and show. The Servlet 6 API
 * can no longer set a reason phrase, so whenever such a status is set, this calls the container's
 * own response's public {@code setReason(String)}; where the container has no such method, the
 * status line stays as the container writes it.
 */
@WebFilter(filterName = "reason-phrases", urlPatterns = "/*", asyncSupported = true)
public class ReasonPhraseFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  static final Map<Integer, String> UNKNOWN_TO_LIBERTY =
      Map.of(422, "Unprocessable Content", 429, "Too Many Requests");

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    Optional<Method> setReason = REASON_SETTERS.get(response.getClass());
    if (setReason.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    chain.doFilter(
        request,
        new HttpServletResponseWrapper(response) {
          @Override
          public void setStatus(int status) {
            super.setStatus(status);
            String reason = UNKNOWN_TO_LIBERTY.get(status);
            if (reason != null) {
              invoke(setReason.get(), response, reason);
            }
          }
        });
  }

  /** Looked up once per response class: a reflective lookup on every request is costly. */
  private static final ClassValue<Optional<Method>> REASON_SETTERS =
      new ClassValue<>() {
        @Override
        protected Optional<Method> computeValue(Class<?> responseClass) {
          return reasonSetter(responseClass);
        }
      };

  private static Optional<Method> reasonSetter(Class<?> responseClass) {
    try {
      return Optional.of(responseClass.getMethod("setReason", String.class));
    } catch (NoSuchMethodException e) {
      return Optional.empty();
    }
  }

  private static void invoke(Method setReason, ServletResponse response, String reason) {
    try {
      setReason.invoke(response, reason);
    } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
      // The container's own phrase stays; the status code is what clients act on.
    }
  }
}
