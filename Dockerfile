# Builds and runs the Newsroom server with its dashboard. Used by docker-compose.yml.
FROM node:20-bookworm AS ui
WORKDIR /src/ui
COPY ui/package.json ui/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY ui/ ./
RUN npm run build

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
COPY --from=ui /src/ui/dist /src/ui/dist
# the dashboard was built above; Maven only copies it into the jar
# the class data sharing archive is made in the image that runs the server (it is valid for that JVM only)
RUN ./mvnw -B -DskipTests -DskipUi -DskipPrepareStart package

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/newsroom-api/target/newsroom-api.jar /app/newsroom-api.jar
# the README's start command with its JVM options (bounded memory); -e JAVA_OPTS="..." adds to them or overrides one
COPY newsroom-api/start.sh newsroom-api/jvm.options /app/
ENV NEWSROOM_JAR=/app/newsroom-api.jar
# a faster start: the extracted jar and a class data sharing archive from a training start (see the script)
COPY newsroom-api/prepare-start.sh /app/
RUN /app/prepare-start.sh
EXPOSE 8080
ENTRYPOINT ["/app/start.sh"]
