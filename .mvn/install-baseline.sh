#!/bin/sh
# Installs the bundles of a commit (default: the main this commit builds on, see below) into the local Maven repository under the version
# ${jam.baseline.version} of the parent POM (0.0.0-main): the baseline against which every build checks the
# versions of the exported API packages (bnd-baseline-maven-plugin, README "API versions").
# Usage: .mvn/install-baseline.sh [REF [MAVEN-OPTION...]]
#   e.g. .mvn/install-baseline.sh main -o -Dmaven.repo.local=/path/to/repo
# Without REF (or REF "auto", as .ci/run calls it): the main this commit builds on. On a branch that is the merge
# base with main (a branch is not blamed for what main changed since); on main's own tip it is the first parent,
# so the change that made this commit is checked. main is the local branch, else origin/main (a clean clone has
# both); neither is an error, as is a commit without the parent this needs (a shallow clone: fetch with history).
set -eu
ref=${1:-auto}
[ $# -gt 0 ] && shift
root=$(git rev-parse --show-toplevel)
if [ "$ref" = auto ]; then
  main=$(git -C "$root" rev-parse -q --verify main^{commit} || git -C "$root" rev-parse -q --verify origin/main^{commit} || true)
  if [ -z "$main" ]; then
    echo "install-baseline: no branch main or origin/main in $root: cannot choose the API baseline" >&2
    exit 1
  fi
  head=$(git -C "$root" rev-parse HEAD)
  if [ "$head" = "$main" ]; then
    ref=$(git -C "$root" rev-parse -q --verify "HEAD^1^{commit}" || true)
    if [ -z "$ref" ]; then
      echo "install-baseline: HEAD is main and has no parent here (a shallow clone?): cannot choose the API baseline" >&2
      exit 1
    fi
  else
    ref=$(git -C "$root" merge-base HEAD "$main" || true)
    if [ -z "$ref" ]; then
      echo "install-baseline: HEAD and main have no common commit here (a shallow clone?): cannot choose the API baseline" >&2
      exit 1
    fi
  fi
fi
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
