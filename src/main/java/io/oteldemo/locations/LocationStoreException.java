package io.oteldemo.locations;

/**
 * The location store could not be read. Its message is for the operator's log (it may name a folder
 * or a host): never for a client.
 */
public class LocationStoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public LocationStoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public LocationStoreException(String message) {
    super(message);
  }
}
