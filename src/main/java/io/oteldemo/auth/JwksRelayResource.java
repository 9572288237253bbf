package io.oteldemo.auth;

import io.oteldemo.error.ApiException;
import io.oteldemo.error.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Serves the relayed JWKS to this server's own MicroProfile JWT, and to no one else. */
@Path("/auth/jwks")
@ApplicationScoped
public class JwksRelayResource {

  @Inject JwksRelay relay;
  @Context HttpServletRequest request;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(hidden = true)
  public String keys() {
    if (!isLoopback(request.getRemoteAddr())) {
      throw new ApiException(ErrorCode.NOT_FOUND, "No resource at this path");
    }
    try {
      return relay.keys();
    } catch (IllegalStateException e) {
      throw new ApiException(
          ErrorCode.SERVICE_UNAVAILABLE, "The token issuer's keys are" + " unavailable");
    }
  }

  static boolean isLoopback(String address) {
    try {
      return address != null && InetAddress.getByName(address).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
