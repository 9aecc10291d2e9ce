"""Fallback when twiggy is not installed: the largest function bodies of a wasm
module, named from its "name" custom section when present (else `func[i]`)."""


def _uleb(data, i):
    result = shift = 0
    while True:
        byte = data[i]
        i += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return result, i


def _sections(data):
    i = 8
    while i < len(data):
        sid = data[i]
        size, i = _uleb(data, i + 1)
        yield sid, data[i : i + size]
        i += size


def top(path, n):
    """Text listing of the data section and the `n` largest functions (bytes, share of file, name)."""
    with open(path, "rb") as f:
        data = f.read()
    imported, bodies, names, data_bytes = 0, [], {}, 0
    for sid, body in _sections(data):
        if sid == 11:  # data segments (static tables, strings)
            data_bytes = len(body)
        if sid == 2:  # imports: count function imports
            count, i = _uleb(body, 0)
            for _ in range(count):
                for _ in range(2):
                    ln, i = _uleb(body, i)
                    i += ln
                kind = body[i]
                i += 1
                if kind == 0:
                    imported += 1
                    _, i = _uleb(body, i)
                elif kind == 1:
                    i += 1
                    flags, i = _uleb(body, i)
                    _, i = _uleb(body, i)
                    if flags & 1:
                        _, i = _uleb(body, i)
                elif kind == 2:
                    flags, i = _uleb(body, i)
                    _, i = _uleb(body, i)
                    if flags & 1:
                        _, i = _uleb(body, i)
                elif kind == 3:
                    i += 2
                else:
                    i += 2  # tag
        elif sid == 10:
            count, i = _uleb(body, 0)
            for _ in range(count):
                size, i = _uleb(body, i)
                bodies.append(size)
                i += size
        elif sid == 0:
            ln, i = _uleb(body, 0)
            if body[i : i + ln] == b"name":
                i += ln
                while i < len(body):
                    sub = body[i]
                    size, i = _uleb(body, i + 1)
                    if sub == 1:
                        j = i
                        count, j = _uleb(body, j)
                        for _ in range(count):
                            idx, j = _uleb(body, j)
                            ln2, j = _uleb(body, j)
                            names[idx] = body[j : j + ln2].decode("utf8", "replace")
                            j += ln2
                    i += size
    ranked = sorted(enumerate(bodies), key=lambda t: -t[1])[:n]
    lines = [f"{'bytes':>9} {'%':>6}  function", f"{len(data):>9} {100:>6.2f}  (whole file)",
             f"{data_bytes:>9} {100 * data_bytes / len(data):>6.2f}  (data section)"]
    for k, size in ranked:
        idx = k + imported
        lines.append(f"{size:>9} {100 * size / len(data):>6.2f}  {names.get(idx, f'func[{idx}]')}")
    return "\n".join(lines)
