package io.oteldemo.locations;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;

/**
 * A client span per query of the PostgreSQL store: what was asked (operation, table, database) and
 * how many rows came back, never the SQL's values nor the driver's message (which can quote them).
 */
final class QuerySpans {

  static final AttributeKey<String> DB_SYSTEM = AttributeKey.stringKey("db.system");
  static final AttributeKey<String> DB_OPERATION = AttributeKey.stringKey("db.operation");
  static final AttributeKey<String> DB_NAME = AttributeKey.stringKey("db.name");
  static final AttributeKey<String> DB_TABLE = AttributeKey.stringKey("db.sql.table");
  static final AttributeKey<Long> ROWS = AttributeKey.longKey("db.response.returned_rows");
  static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

  static final String POSTGRESQL = "postgresql";
  static final String SELECT = "SELECT";

  /** What a traced query does, given its span: returns the rows it read, and its result. */
  interface Query<T> {
    Counted<T> run() throws java.sql.SQLException;
  }

  /** A query's result and the number of rows it read. */
  record Counted<T>(T result, long rows) {}

  private final Tracer tracer;
  private final String database;

  QuerySpans(Tracer tracer, String database) {
    this.tracer = tracer;
    this.database = database;
  }

  /** Runs the query in a span named after its operation and table. */
  <T> T traced(String table, Query<T> query) throws java.sql.SQLException {
    Span span =
        tracer
            .spanBuilder(SELECT + " " + table)
            .setSpanKind(SpanKind.CLIENT)
            .setAttribute(DB_SYSTEM, POSTGRESQL)
            .setAttribute(DB_OPERATION, SELECT)
            .setAttribute(DB_NAME, database)
            .setAttribute(DB_TABLE, table)
            .startSpan();
    try (Scope scope = span.makeCurrent()) {
      Counted<T> counted = query.run();
      span.setAttribute(ROWS, counted.rows());
      return counted.result();
    } catch (java.sql.SQLException | RuntimeException e) {
      span.setAttribute(ERROR_TYPE, e.getClass().getName());
      span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
      throw e;
    } finally {
      span.end();
    }
  }
}
