#!/bin/sh
# Installs the bundles of a commit (default: main) into the local Maven repository under the version
# ${jam.baseline.version} of the parent POM (0.0.0-main): the baseline against which every build checks the
# versions of the exported API packages (bnd-baseline-maven-plugin, README "API versions").
# Usage: .mvn/install-baseline.sh [REF [MAVEN-OPTION...]]
#   e.g. .mvn/install-baseline.sh main -o -Dmaven.repo.local=/path/to/repo
set -eu
ref=${1:-main}
[ $# -gt 0 ] && shift
root=$(git rev-parse --show-toplevel)
version=$(sed -n 's:.*<jam.baseline.version>\(.*\)</jam.baseline.version>.*:\1:p' "$root/pom.xml")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
git -C "$root" archive "$ref" | tar -x -C "$tmp"
modules=$(cd "$tmp" && ls -d bundles/*/ | sed 's:/$::' | paste -sd, -)
echo "building the bundles of $ref ($(git -C "$root" rev-parse --short "$ref"))"
(cd "$tmp" && ./mvnw -B -q "$@" package -DskipTests -Dbnd.baseline.skip=true -pl "$modules" -am)
for jar in "$tmp"/bundles/*/target/*-SNAPSHOT.jar; do
  artifact=$(basename "$jar" | sed 's:-[0-9][^-]*-SNAPSHOT\.jar$::')
  "$root/mvnw" -B -q "$@" install:install-file -Dfile="$jar" -DgroupId=io.jamboree -DartifactId="$artifact" \
    -Dversion="$version" -Dpackaging=jar -DgeneratePom=true
  echo "installed io.jamboree:$artifact:$version"
done
