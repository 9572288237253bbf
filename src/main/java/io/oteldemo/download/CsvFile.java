package io.oteldemo.download;

import java.io.InputStream;
import java.util.OptionalLong;

/** An open result file: its name, its size when known, and its bytes to be streamed once. */
public record CsvFile(String name, OptionalLong size, InputStream content) {}
