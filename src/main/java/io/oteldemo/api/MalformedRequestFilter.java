package io.oteldemo.api;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;

/**
 * Sees what the JAX-RS runtime would fail on before any JAX-RS filter runs, and hands it to the
 * JAX-RS error path instead, so that a malformed request gets the JSON error body and one counted,
 * rate-limited log line rather than an empty HTML page and a stack trace per request:
 *
 * <ul>
 *   <li>a path that is not UTF-8 once percent-decoded is sent to the container's error page ({@code
 *       sendError(400)}), since the runtime cannot parse its URI at all;
 *   <li>a malformed {@code Accept}, {@code Content-Type} or {@code Accept-Language} is hidden from
 *       the runtime, and the request goes on to {@link RefusedRequestFilter}, which refuses it.
 * </ul>
 *
 * On the container's error dispatches (a request the container refused itself, such as a path with
 * an encoded '/') the malformed headers are hidden too, so that the error page can answer.
 */
@WebFilter(
    filterName = "malformed-requests",
    urlPatterns = "/*",
    dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR},
    asyncSupported = true)
public class MalformedRequestFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    boolean firstDispatch = request.getDispatcherType() == DispatcherType.REQUEST;
    if (firstDispatch && !PercentEncodedPath.isUtf8(request.getRequestURI())) {
      refuse(request, Refusal.malformedPath());
      response.sendError(HttpServletResponse.SC_BAD_REQUEST);
      return;
    }
    List<String> malformed =
        NegotiationHeaders.malformed(name -> Collections.list(request.getHeaders(name)));
    if (malformed.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    if (firstDispatch) {
      refuse(request, Refusal.malformedHeader(malformed.get(0)));
    }
    chain.doFilter(new HeadersHidden(request, malformed), response);
  }

  private static void refuse(HttpServletRequest request, Refusal refusal) {
    request.setAttribute(Refusal.ATTRIBUTE, refusal);
  }
}
