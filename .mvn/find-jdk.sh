# Sourced by ./mvnw, .ci/run and the distribution's bin/jam: sets JAVA_HOME to a JDK of at least
# version $JDK_MIN (default 25). Order: $JAVA_HOME, `java` on the PATH, then /usr/lib/jvm/*.
# Prints a clear message and returns 1 when none is found.
jam_java_major() { # $1 = java executable; prints its feature version
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n1
}
jam_find_jdk() {
  want=${JDK_MIN:-25}
  for cand in ${JAVA_HOME:+"$JAVA_HOME"} \
              "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")" \
              /usr/lib/jvm/* /opt/java/* /opt/jdk*; do
    [ -x "$cand/bin/java" ] || continue
    v=$(jam_java_major "$cand/bin/java")
    case "$v" in ''|*[!0-9]*) continue ;; esac
    if [ "$v" -ge "$want" ]; then
      JAVA_HOME=$cand; export JAVA_HOME
      return 0
    fi
  done
  echo "Jamboree needs a JDK $want or newer: set JAVA_HOME, or install one (e.g. Temurin $want under /usr/lib/jvm)." >&2
  return 1
}
