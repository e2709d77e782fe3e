#!/bin/sh
# Starts the Newsroom server. The one start command: the README, the Docker image, the browser tests and the
# benchmarks all start the server through this script, so they run it with the same memory bounds.
#
#   newsroom-api/start.sh [Spring arguments, e.g. --spring.profiles.active=demo]
#
# JAVA the java to run (default: java on the PATH); JAVA_OPTS more JVM options, or a later one to override one
# of jvm.options; NEWSROOM_JAR the jar (default: target/newsroom-api.jar next to this script).
here=$(dirname "$0")
jar="${NEWSROOM_JAR:-$here/target/newsroom-api.jar}"
# glibc gives threads that allocate at the same time malloc arenas of their own, up to 8 per core, and keeps
# what they free: two arenas kept the server ~60 MB smaller (ServerBenchmark, 128,000 events)
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
# prepare-start.sh (run by Maven's package phase) extracts the jar and records the classes a start loads in a
# class data sharing archive: started from them the server is ready with ~40% less CPU. Only while the archive
# is newer than the jar; otherwise (or when it is missing) from the jar itself.
# by its absolute path: the JVM takes the archive only for the class path it was recorded with, character for
# character, and prepare-start.sh records it with the absolute one
cds="$(cd "$(dirname "$jar")" 2>/dev/null && pwd)/$(basename "${jar%.jar}")-cds"
sharing=""
if [ -s "$cds/newsroom-api.jsa" ] && [ "$cds/newsroom-api.jsa" -nt "$jar" ]; then
    sharing="-XX:SharedArchiveFile=$cds/newsroom-api.jsa"
    jar="$cds/$(basename "$jar")"
fi
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options; sharing is one option or none
exec "${JAVA:-java}" $sharing @"$here/jvm.options" $JAVA_OPTS -jar "$jar" "$@"
