#!/usr/bin/env python3
"""Which ELF sections of a mapped file are resident in a running process.

    scripts/resident-sections.py PID [FILE]

With FILE (a binary or shared library the process maps), prints its resident KiB per section
beside the section's size: how the reader's peak memory was taken apart (docs/performance-log.md, "The
reader's memory, seventh pass"). Without FILE, prints resident and anonymous KiB per mapped
file. Reads /proc/PID/smaps and /proc/PID/pagemap (root, or the process's owner with
CAP_SYS_ADMIN) and `readelf -SW`.
"""
import collections
import re
import struct
import subprocess
import sys


def per_file(pid):
    rss, anon = collections.Counter(), collections.Counter()
    current = None
    with open(f"/proc/{pid}/smaps") as smaps:
        for line in smaps:
            parts = line.split()
            if not parts[0].endswith(":"):
                current = parts[5] if len(parts) > 5 else "[anon]"
            elif parts[0] == "Rss:":
                rss[current] += int(parts[1])
            elif parts[0] == "Anonymous:":
                anon[current] += int(parts[1])
    print(f"resident {sum(rss.values())} KiB, anonymous {sum(anon.values())} KiB")
    for name, kib in rss.most_common(30):
        print(f"{kib:8d} {anon[name]:8d}  {name}")


def per_section(pid, path):
    sections = []
    for line in subprocess.run(["readelf", "-SW", path], capture_output=True, text=True, check=True).stdout.splitlines():
        match = re.match(r"\s*\[\s*\d+\]\s+(\S+)\s+\S+\s+([0-9a-f]+)\s+[0-9a-f]+\s+([0-9a-f]+)", line)
        if match and int(match.group(2), 16):
            sections.append((match.group(1), int(match.group(2), 16), int(match.group(3), 16)))
    mappings = []
    with open(f"/proc/{pid}/maps") as maps:
        for line in maps:
            parts = line.split()
            if len(parts) > 5 and parts[5] == path:
                start, end = (int(value, 16) for value in parts[0].split("-"))
                mappings.append((start, end, int(parts[2], 16)))
    if not mappings:
        sys.exit(f"resident-sections: process {pid} does not map {path}")
    base = min(start - offset for start, _, offset in mappings)
    resident = collections.Counter()
    with open(f"/proc/{pid}/pagemap", "rb") as pagemap:
        for start, end, _ in mappings:
            for page in range(start, end, 4096):
                pagemap.seek(page // 4096 * 8)
                if struct.unpack("Q", pagemap.read(8))[0] >> 63:
                    address = page - base
                    name = next((s for s, at, size in sections if at < address + 4096 and address < at + size), "?")
                    resident[name] += 4
    sizes = {name: size for name, _, size in sections}
    print(f"{path}: resident {sum(resident.values())} KiB")
    for name, kib in resident.most_common(20):
        print(f"{kib:8d} of {sizes.get(name, 0) // 1024:8d} KiB  {name}")


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    if len(sys.argv) == 3:
        per_section(int(sys.argv[1]), sys.argv[2])
    else:
        per_file(int(sys.argv[1]))
