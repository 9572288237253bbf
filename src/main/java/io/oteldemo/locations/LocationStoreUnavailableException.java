package io.oteldemo.locations;

import io.oteldemo.error.ApiException;
import io.oteldemo.error.ErrorCode;

/** 503: the location store does not answer. Says nothing of where the store is. */
public class LocationStoreUnavailableException extends ApiException {

  private static final long serialVersionUID = 1L;

  public LocationStoreUnavailableException() {
    super(ErrorCode.SERVICE_UNAVAILABLE, "The location store is unavailable");
  }
}
