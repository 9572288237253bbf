# The distance API as a container image: the WAR on Open Liberty (kernel-slim, UBI, Java 17).
#
#   docker build \
#     --build-arg VERSION="$(./mvnw -q help:evaluate -Dexpression=project.version -DforceStdout)" \
#     --build-arg REVISION="$(git rev-parse HEAD)" --build-arg SOURCE="<repository URL>" \
#     --build-arg BUILD_NUMBER="<the CI run's number>" \
#     --build-arg BUILD_DATE="$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
#     -t otel-demo:"$(./mvnw -q help:evaluate -Dexpression=project.version -DforceStdout)" .
#
# BUILD_NUMBER and BUILD_DATE are stamped into the WAR (what GET /info reports) and into the labels
# io.oteldemo.build.number and org.opencontainers.image.created: the same values in both.
#
# Nothing of the local run is inside: no development issuer or key, no sample data, none of the
# pom's liberty.env.* defaults (they only reach the server.env of the server the build creates).
# Every setting comes from the environment at run time (docs/OPERATIONS.md). Liberty listens on
# 9080, the http.port default that server.xml and the application's JWKS relay share, and on 9081,
# the management port of the probes.
# DockerfileTest (src/test/java/io/oteldemo/deploy/image) holds this file to these rules.

FROM eclipse-temurin:17.0.15_6-jdk AS build
WORKDIR /build
# Maven, its plugins, the dependencies and the protoc toolchain first, from the files that name
# them: this layer is reused until the wrapper, the pom or the .proto contract changes.
COPY mvnw ./
COPY .mvn/wrapper/maven-wrapper.properties .mvn/wrapper/
COPY pom.xml ./
COPY src/main/proto/ src/main/proto/
RUN ./mvnw --batch-mode --quiet -Dexec.skip=true \
      dependency:go-offline generate-sources help:evaluate -Dexpression=project.version
COPY src/main/ src/main/
# The build stamp, declared after the sources so that the layers above are reused. Checked with the
# application's own rules (io.oteldemo.status.BuildInfo), so that no image is built whose server
# would refuse to start.
ARG BUILD_NUMBER
ARG BUILD_DATE
# Offline: everything was resolved above. The tests run in CI (./mvnw verify), not here; the exec
# steps (development issuer, test Redis), the test Redis binary and coverage agent are skipped.
RUN if ! printf '%s' "${BUILD_NUMBER}" | grep -Eqx '[A-Za-z0-9][A-Za-z0-9._+-]{0,63}'; then \
         echo "--build-arg BUILD_NUMBER='${BUILD_NUMBER}' is required: letters, digits, . _ + -" >&2; \
         exit 1; \
       fi \
    && if ! printf '%s' "${BUILD_DATE}" | grep -Eqx '[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z'; then \
         echo "--build-arg BUILD_DATE='${BUILD_DATE}' is required: UTC, e.g. 2026-12-06T09:30:00Z" >&2; \
         exit 1; \
       fi \
    && ./mvnw --batch-mode --offline --quiet \
      -Dmaven.test.skip=true -Dexec.skip=true -Dmdep.skip=true -Djacoco.skip=true \
      -Dbuild.number="${BUILD_NUMBER}" -Dbuild.date="${BUILD_DATE}" package
# The label below must carry the pom's version.
ARG VERSION
RUN pom_version="$(./mvnw --batch-mode --offline --quiet help:evaluate \
        -Dexpression=project.version -DforceStdout)" \
    && if [ "${VERSION}" != "${pom_version}" ]; then \
         echo "--build-arg VERSION='${VERSION}' is not the pom's version '${pom_version}'" >&2; \
         exit 1; \
       fi

FROM icr.io/appcafe/open-liberty:26.0.0.3-kernel-slim-java17-openj9-ubi
ARG VERSION
ARG REVISION
ARG SOURCE
ARG BUILD_NUMBER
ARG BUILD_DATE
# Ours replace the labels of the base image, which describe Open Liberty's image. The build number
# and date are those stamped into the WAR above.
LABEL org.opencontainers.image.title="otel-demo" \
      org.opencontainers.image.description="Distance API on Open Liberty in front of the otel-worker gRPC service" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.created="${BUILD_DATE}" \
      io.oteldemo.build.number="${BUILD_NUMBER}" \
      org.opencontainers.image.vendor="otel-demo" \
      org.opencontainers.image.authors="otel-demo maintainers" \
      org.opencontainers.image.url="${SOURCE}" \
      org.opencontainers.image.source="${SOURCE}" \
      org.opencontainers.image.base.name="icr.io/appcafe/open-liberty:26.0.0.3-kernel-slim-java17-openj9-ubi"
USER 1001
# Server configuration first: features.sh installs exactly the features it lists.
COPY --chown=1001:0 liberty/server.xml /config/
RUN features.sh
# The location that server.xml's webApplication names (relative to /config/apps).
COPY --chown=1001:0 --from=build /build/target/otel-demo.war /config/apps/otel-demo.war
# The PostgreSQL JDBC driver that server.xml's postgresqlDriver library loads (the location store
# in PostgreSQL, LOCATIONS_DB_URL); the build copies it to target/jdbc/ in package.
COPY --chown=1001:0 --from=build /build/target/jdbc/ /config/jdbc/
# configure.sh writes the default keystore's configuration and fills the class cache by starting
# the server once. The variables below exist only for that start, so that the application starts
# completely (its classes get cached); they are not in the image's environment.
RUN AWS_REGION=us-east-1 COGNITO_USER_POOL_ID=us-east-1_imagebuild COGNITO_CLIENT_ID=imagebuild \
    OTEL_SDK_DISABLED=true configure.sh
# The API; and the management port (MicroProfile Health for the probes, Liberty's own endpoints).
EXPOSE 9080 9081
