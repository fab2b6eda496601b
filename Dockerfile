# The operator's image: a small Java 21 runtime (distroless, no shell), the jar and nothing else,
# run as a non-root user. Build the jar first: mvn -B -DskipTests package
FROM gcr.io/distroless/java21-debian12:nonroot
COPY operator/target/tap-operator.jar /app/tap-operator.jar
USER 65532:65532
ENTRYPOINT ["java", "-jar", "/app/tap-operator.jar"]
CMD ["run"]
