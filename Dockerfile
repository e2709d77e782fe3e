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
RUN ./mvnw -B -DskipTests -DskipUi package

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/newsroom-api/target/newsroom-api.jar /app/newsroom-api.jar
EXPOSE 8080
# the same bounded memory as the README's start command; override with -e JAVA_OPTS="..."
ENV JAVA_OPTS="-Xmx256m -XX:MaxDirectMemorySize=64m"
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/newsroom-api.jar \"$@\"", "--"]
