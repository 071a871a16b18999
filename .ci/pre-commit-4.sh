#!/usr/bin/env bash
# Unpacks Debian trixie's pre-commit 4.x into a folder (given, or a temporary one), without
# touching the machine's apt sources or installed packages, and prints the path of a command that
# runs it on Debian's own Python with the dependencies bookworm's pre-commit package pulled in
# (python3-cfgv, -identify, -virtualenv, -yaml, nodeenv). The pre-commit hook test runs both releases.
set -euo pipefail
dir="${1:-$(mktemp -d)}"
mkdir -p "$dir/lists/partial" "$dir/cache/archives/partial" "$dir/deb"
echo "deb http://deb.debian.org/debian trixie main" > "$dir/sources.list"
apt_options=(-qq -o "Dir::Etc::sourcelist=$dir/sources.list" -o Dir::Etc::sourceparts=/dev/null
  -o "Dir::State::Lists=$dir/lists" -o "Dir::Cache=$dir/cache" -o APT::Sandbox::User=root)
apt-get "${apt_options[@]}" update
(cd "$dir/deb" && apt-get "${apt_options[@]}" download pre-commit)
dpkg-deb -x "$dir"/deb/pre-commit_*_all.deb "$dir/root"
cat > "$dir/pre-commit" <<WRAPPER
#!/bin/sh
PYTHONPATH="$dir/root/usr/lib/python3/dist-packages" exec /usr/bin/python3 -m pre_commit "\$@"
WRAPPER
chmod +x "$dir/pre-commit"
"$dir/pre-commit" --version >&2
echo "$dir/pre-commit"
