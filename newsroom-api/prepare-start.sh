#!/bin/sh
# Prepares a faster start of the jar that start.sh runs (Maven's package phase and the Docker image run this):
# the jar is extracted next to itself (a class read from a jar nested in the jar costs more than from a plain
# jar) and a training start records the classes a start loads in a class data sharing archive, which later
# starts map instead of reading, parsing and verifying them again (Spring Boot's documented CDS support).
# Measured: start-to-ready with 100,000 events took 14.5 s of CPU from the jar, 10 s from the extracted jar
# with the archive (docs/architecture.md, #10).
#
#   newsroom-api/prepare-start.sh
#
# JAVA and NEWSROOM_JAR as for start.sh. Writes <jar without .jar>-cds/ (the extracted jar and newsroom-api.jsa).
# start.sh uses them only while the archive is newer than the jar, and starts from the jar when they are
# missing, so a failure here costs start time, never the start: it warns and ends with 0.
here=$(dirname "$0")
java="${JAVA:-java}"
jar="${NEWSROOM_JAR:-$here/target/newsroom-api.jar}"
if [ ! -f "$jar" ]; then
    echo "prepare-start: WARNING: $jar is missing; nothing to prepare" >&2
    exit 0
fi
# absolute: the JVM takes the archive only for the class path it was recorded with (start.sh uses the same)
cds="$(cd "$(dirname "$jar")" && pwd)/$(basename "${jar%.jar}")-cds"
archive="$cds/newsroom-api.jsa"
training=$(mktemp -d) || exit 0
trap 'rm -rf "$training"' EXIT
rm -rf "$cds"
# the archive is valid only for the JVM options that change the layout of objects (heap size: compressed
# pointers), so the training start uses the start command's options; it stops once the application context
# has been refreshed, before anything starts serving (spring.context.exit), with an empty store of its own
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
if "$java" -Djarmode=tools -jar "$jar" extract --destination "$cds" >"$training/extract.log" 2>&1 \
    && "$java" @"$here/jvm.options" $JAVA_OPTS -XX:ArchiveClassesAtExit="$archive" -Dspring.context.exit=onRefresh \
        -jar "$cds/$(basename "$jar")" --spring.profiles.active=demo --newsroom.mongodb.uri= \
        --newsroom.mongodb.data-dir="$training/data" >"$training/training.log" 2>&1 \
    && [ -s "$archive" ]; then
    echo "prepare-start: $cds holds the extracted jar and its class data sharing archive"
else
    echo "prepare-start: WARNING: no class data sharing archive for $jar; start.sh starts from the jar (slower):" >&2
    tail -n 20 "$training"/*.log >&2
    rm -rf "$cds"
fi
exit 0
