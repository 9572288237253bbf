package io.oteldemo.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;

/**
 * Puts the right reason phrase into the status line of the statuses Liberty's HTTP channel does
 * not know: it writes {@code 429 Undefined}, which clients and proxies log and show. The Servlet
 * 6 API can no longer set a reason phrase, so this calls the container's own response's public
 * {@code setReason(String)} just before the body is written (the status is set by then); where
 * the container has no such method, the status line stays as the container writes it.
 */
@Provider
@ApplicationScoped
public class ReasonPhrases implements WriterInterceptor {

  static final Map<Integer, String> UNKNOWN_TO_LIBERTY =
      Map.of(422, "Unprocessable Content", 429, "Too Many Requests");

  @Context HttpServletResponse servletResponse;

  @Override
  public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
    String reason = UNKNOWN_TO_LIBERTY.get(servletResponse.getStatus());
    if (reason != null && !servletResponse.isCommitted()) {
      setReason(servletResponse, reason);
    }
    context.proceed();
  }

  private static void setReason(ServletResponse response, String reason) {
    ServletResponse current = response;
    while (true) {
      Optional<Method> setter = reasonSetter(current);
      if (setter.isPresent()) {
        try {
          setter.get().invoke(current, reason);
        } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
          // The container's own phrase stays; the status code is what clients act on.
        }
        return;
      }
      if (!(current instanceof ServletResponseWrapper wrapper)) {
        return;
      }
      current = wrapper.getResponse();
    }
  }

  private static Optional<Method> reasonSetter(ServletResponse response) {
    try {
      return Optional.of(response.getClass().getMethod("setReason", String.class));
    } catch (NoSuchMethodException e) {
      return Optional.empty();
    }
  }
}
