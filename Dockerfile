# One image recipe for every Firebreak service; the module directory is a build argument:
#   docker build --build-arg MODULE=intake-service -t firebreak/intake .
# (docker-compose.yml does this for all five: intake-service, triage-service, resolution-service,
# feedback-service, gateway.)

# ---- build: every deployable module with the Maven Wrapper; tests are CI's job (.ci/run) ----
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
# Nothing here depends on MODULE, so the five images share this layer: the build runs once, not five times.
RUN ./mvnw -B -q -pl '!standalone' package -DskipTests

# ---- run: a JRE and the module's executable jar, as an unprivileged user ----
FROM eclipse-temurin:17-jre
# curl for the healthchecks in docker-compose.yml.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system firebreak \
    && useradd --system --gid firebreak --no-create-home --shell /usr/sbin/nologin firebreak
ARG MODULE
RUN test -n "$MODULE" || (echo "Set --build-arg MODULE=<module directory>, e.g. intake-service" >&2; exit 1)
WORKDIR /app
# The services' poms repackage the jar with the classifier "exec".
COPY --from=build /src/${MODULE}/target/${MODULE}-0.1.0-SNAPSHOT-exec.jar /app/application.jar
USER firebreak
# The heap follows the container's memory limit; the rest is left to metaspace, threads and buffers. Out of
# memory, the process exits and the orchestrator restarts it rather than leave it half working.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/application.jar"]
