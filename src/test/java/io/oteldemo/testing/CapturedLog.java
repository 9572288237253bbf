package io.oteldemo.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a class logs during each test, at every level, kept from the console: register it with
 * {@code @RegisterExtension} and read {@link #records()}.
 */
public final class CapturedLog implements BeforeEachCallback, AfterEachCallback {

  private final Logger logger;
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final Handler handler =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          records.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private boolean usedParentHandlers;

  public CapturedLog(Class<?> source) {
    this.logger = Logger.getLogger(source.getName());
  }

  /** The records logged so far in this test. */
  public List<LogRecord> records() {
    return records;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    records.clear();
    handler.setLevel(Level.ALL);
    logger.addHandler(handler);
    usedParentHandlers = logger.getUseParentHandlers();
    logger.setUseParentHandlers(false);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    logger.removeHandler(handler);
    logger.setUseParentHandlers(usedParentHandlers);
  }
}
