# Ardoise: build the jar with Maven, run it on a slim Java runtime as an unprivileged user.
#   docker build -t ardoise .      docker compose up -d      (compose.yaml: Ardoise + Redis)

FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /src
# The dependencies first: this layer is rebuilt only when pom.xml changes.
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY LICENSE THIRD-PARTY.md ./
COPY conf conf
COPY webroot webroot
COPY src/main src/main
# The tests need a browser and redis-server; they run in CI (mvn -B verify), not in the image build.
RUN mvn -B -q package -DskipTests

# Java 25 (glibc, so the redis-server inside the jar also runs when no ARDOISE_REDIS_URL is given).
FROM eclipse-temurin:25-jre
RUN groupadd --system --gid 10001 ardoise \
 && useradd --system --uid 10001 --gid ardoise --home-dir /var/lib/ardoise --shell /usr/sbin/nologin ardoise \
 && mkdir -p /opt/ardoise /var/lib/ardoise && chown ardoise:ardoise /var/lib/ardoise
COPY --from=build /src/target/ardoise.jar /opt/ardoise/ardoise.jar
USER ardoise:ardoise
WORKDIR /var/lib/ardoise
ENV ARDOISE_PORT=9000 \
    ARDOISE_HOST=0.0.0.0 \
    ARDOISE_DATA_DIR=/var/lib/ardoise
VOLUME /var/lib/ardoise
EXPOSE 9000
# The jar asks the server itself (the image has no curl); the probe JVM is kept small and quick.
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 \
  CMD ["java", "-XX:+UseSerialGC", "-Xmx32m", "-XX:TieredStopAtLevel=1", "-jar", "/opt/ardoise/ardoise.jar", "--health-check"]
# Generational ZGC: pauses stay under a millisecond whatever the heap, so a collection never holds
# up the acks and broadcasts of a room typing together (measured: longest 0.5 ms against 80-160 ms
# for G1, same CPU, about 30 % more RSS; bench/README.md, "Collector, long pads and compression"). The heap takes
# 60 % of the container's memory: ZGC wants headroom, and Netty's direct buffers live outside it.
# Exec form: java is PID 1 and receives SIGTERM itself (graceful shutdown within 10 s).
ENTRYPOINT ["java", "-XX:+UseZGC", "-XX:MaxRAMPercentage=60", "-XX:+ExitOnOutOfMemoryError", "-jar", "/opt/ardoise/ardoise.jar"]
