package io.oteldemo.tracedemo;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.oteldemo.locations.LocationStore;
import io.oteldemo.locations.StoreStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Asks the location store the worker computes from whether it answers. Only that: the answer names
 * no host, port or path, whatever the operator lets {@code /db/status} show.
 */
@ApplicationScoped
class LocationStoreStep implements ChainStep {

  static final String NAME = "location_store_status";
  static final AttributeKey<String> DB_OPERATION = AttributeKey.stringKey("db.operation.name");
  static final AttributeKey<String> DB_NAMESPACE = AttributeKey.stringKey("db.namespace");
  static final AttributeKey<Boolean> CONNECTED =
      AttributeKey.booleanKey("location_store.connected");

  @Inject LocationStore store;

  LocationStoreStep() {}

  LocationStoreStep(LocationStore store) {
    this.store = store;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public StepResult run(Span span) {
    StoreStatus status = store.status();
    span.setAttribute(DB_OPERATION, "status");
    span.setAttribute(CONNECTED, status.connected());
    if (status.database() != null && !status.database().isBlank()) {
      span.setAttribute(DB_NAMESPACE, status.database());
    }
    return status.connected()
        ? StepResult.ok(NAME, "connected")
        : StepResult.failed(NAME, "the location store did not answer");
  }
}
