# Builds and runs the Newsroom server. Used by docker-compose.yml.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/newsroom-api/target/newsroom-api.jar /app/newsroom-api.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/newsroom-api.jar"]
