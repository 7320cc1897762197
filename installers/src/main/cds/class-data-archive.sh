#!/bin/sh
# Makes the app-image's class-data-sharing archive (docs/installers.md, "Start-up"):
#   list    <app-image>  a training run of the console, under Xvfb, that closes once its window is shown, writes the
#                        classes it loaded to lib/app/kaf-mirror.classlist (where xvfb-run is missing: those of --version)
#   archive <app-image>  dumps them, parsed and laid out, into lib/app/kaf-mirror.jsa, which the launcher maps
#                        (-XX:SharedArchiveFile=$APPDIR/kaf-mirror.jsa in its java-options)
# Both run the image's own launcher, so the archive matches its jlink'ed runtime; JAVA_TOOL_OPTIONS carries the
# options because the jpackage launcher passes no others.
set -eu
step=$1
image=$2
launcher="$image/bin/kaf-mirror"
app="$image/lib/app"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

case "$step" in
    list)
        printf 'clusters: {}\nstores: {}\n' > "$work/config.yml"
        export KAF_MIRROR_HOME="$work/data" KAF_MIRROR_CONFIG="$work/config.yml"
        export JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$app/kaf-mirror.classlist"
        if command -v xvfb-run >/dev/null 2>&1; then
            xvfb-run -a -s "-screen 0 1440x900x24" "$launcher" console --exit-when-shown >"$work/training.log" 2>&1 \
                || { cat "$work/training.log" >&2; exit 1; }
        else
            echo "class-data-archive: no xvfb-run, so the class list holds the CLI's classes only (apt install xvfb)" >&2
            "$launcher" --version >"$work/training.log" 2>&1 || { cat "$work/training.log" >&2; exit 1; }
        fi
        ;;
    archive)
        JAVA_TOOL_OPTIONS="-Xshare:dump -XX:SharedClassListFile=$app/kaf-mirror.classlist -XX:SharedArchiveFile=$app/kaf-mirror.jsa" \
            "$launcher" --version >"$work/dump.log" 2>&1 || { cat "$work/dump.log" >&2; exit 1; }
        ;;
    *)
        echo "usage: class-data-archive.sh list|archive <app-image>" >&2
        exit 2
        ;;
esac
