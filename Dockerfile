# The operator's image: a small Java 21 runtime (distroless, no shell), the product's jar and nothing else
# (no simulated AWS, no sandbox, no mock server: ImageJarIT checks), run as a non-root user.
# Build the jar first: mvn -B -DskipTests package
FROM gcr.io/distroless/java21-debian12:nonroot
COPY core/target/tap-operator-image.jar /app/tap-operator.jar
USER 65532:65532
ENTRYPOINT ["java", "-jar", "/app/tap-operator.jar"]
CMD ["run"]
