package io.oteldemo.locations;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import javax.sql.DataSource;

/**
 * Liberty's pooled PostgreSQL dataSource of the location store ({@code jdbc/locations} in
 * server.xml). A bean of its own so that the resource is looked up only when the PostgreSQL store
 * is configured: the bean is created on first use, and the Recorder store never uses it.
 */
@ApplicationScoped
public class LocationDataSource {

  @Resource(lookup = "jdbc/locations")
  DataSource dataSource;

  DataSource get() {
    return dataSource;
  }
}
