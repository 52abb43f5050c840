import sys
def limbs(x,n): return [(x>>(64*i))&((1<<64)-1) for i in range(n)]
def hexl(v):
    s=hex(v); return s+"L"
def gen_mul(n, name="mul", sq=False):
    L=[]
    L.append(f"    /** Montgomery product out = a*b/R mod p; out may alias a or b. */")
    L.append(f"    public static void {name}(long[] a, long[] b, long[] out) {{")
    for i in range(n): L.append(f"        final long a{i} = a[{i}];")
    L.append("        long lo, hi, c, m, s;")
    for j in range(n+2): L.append(f"        long t{j} = 0;")
    for i in range(n):
        L.append(f"        {{ final long bi = b[{i}]; c = 0;")
        for j in range(n):
            L.append(f"          lo = a{j} * bi; hi = Math.unsignedMultiplyHigh(a{j}, bi);")
            L.append(f"          s = lo + t{j}; hi += ((lo & t{j}) | ((lo | t{j}) & ~s)) >>> 63;")
            L.append(f"          lo = s + c; hi += ((s & c) | ((s | c) & ~lo)) >>> 63; t{j} = lo; c = hi;")
        L.append(f"          s = t{n} + c; t{n+1} = ((t{n} & c) | ((t{n} | c) & ~s)) >>> 63; t{n} = s;")
        L.append(f"          m = t0 * INV;")
        L.append(f"          lo = m * P0; hi = Math.unsignedMultiplyHigh(m, P0);")
        L.append(f"          s = lo + t0; hi += ((lo & t0) | ((lo | t0) & ~s)) >>> 63; c = hi;")
        for j in range(1,n):
            L.append(f"          lo = m * P{j}; hi = Math.unsignedMultiplyHigh(m, P{j});")
            L.append(f"          s = lo + t{j}; hi += ((lo & t{j}) | ((lo | t{j}) & ~s)) >>> 63;")
            L.append(f"          lo = s + c; hi += ((s & c) | ((s | c) & ~lo)) >>> 63; t{j-1} = lo; c = hi;")
        L.append(f"          s = t{n} + c; t{n} = t{n+1} + (((t{n} & c) | ((t{n} | c) & ~s)) >>> 63); t{n-1} = s; }}")
    # final subtraction
    L.append("        // conditional subtraction of p")
    L.append("        long br = 0, d;")
    for j in range(n):
        L.append(f"        d = t{j} - P{j}; long s{j} = d - br; br = ((~t{j} & P{j}) | (~(t{j} ^ P{j}) & d) | (~d & s{j} & 0) ) >>> 63;")
    # simpler borrow: recompute properly
    L=L[:-n]
    for j in range(n):
        L.append(f"        d = t{j} - P{j} - br; br = ((~t{j} & P{j}) | (~(t{j} ^ P{j}) & d)) >>> 63; long s{j} = d;")
    L.append(f"        if (t{n} != 0 || br == 0) {{")
    for j in range(n): L.append(f"            out[{j}] = s{j};")
    L.append("        } else {")
    for j in range(n): L.append(f"            out[{j}] = t{j};")
    L.append("        }")
    L.append("    }")
    return "\n".join(L)

def gen_addsub(n):
    L=[]
    L.append("    /** out = a + b mod p (Montgomery or canonical alike); out may alias. */")
    L.append("    public static void add(long[] a, long[] b, long[] out) {")
    L.append("        long c = 0, x, y, s, c1;")
    for j in range(n):
        L.append(f"        x = a[{j}]; y = b[{j}]; s = x + y + c; c = ((x & y) | ((x | y) & ~s)) >>> 63; long r{j} = s;")
    L.append("        long br = 0, d;")
    for j in range(n):
        L.append(f"        d = r{j} - P{j} - br; br = ((~r{j} & P{j}) | (~(r{j} ^ P{j}) & d)) >>> 63; long s{j} = d;")
    L.append("        if (c != 0 || br == 0) {")
    for j in range(n): L.append(f"            out[{j}] = s{j};")
    L.append("        } else {")
    for j in range(n): L.append(f"            out[{j}] = r{j};")
    L.append("        }\n    }")
    L.append("    /** out = a - b mod p; out may alias. */")
    L.append("    public static void sub(long[] a, long[] b, long[] out) {")
    L.append("        long br = 0, x, y;")
    for j in range(n):
        L.append(f"        x = a[{j}]; y = b[{j}]; long d{j} = x - y - br; br = ((~x & y) | (~(x ^ y) & d{j})) >>> 63;")
    L.append("        if (br != 0) {\n            long c = 0, s, c1;")
    for j in range(n):
        L.append(f"            s = d{j} + P{j} + c; c = ((d{j} & P{j}) | ((d{j} | P{j}) & ~s)) >>> 63; d{j} = s;")
    L.append("        }")
    for j in range(n): L.append(f"        out[{j}] = d{j};")
    L.append("    }")
    return "\n".join(L)

def consts(p, n):
    R=1<<(64*n)
    inv=(-pow(p,-1,1<<64))%(1<<64)
    L=[]
    for j,v in enumerate(limbs(p,n)): L.append(f"    static final long P{j} = {hexl(v)};")
    L.append(f"    static final long INV = {hexl(inv)};")
    def arr(name,v,pub=False):
        return f"    {'public ' if pub else ''}static final long[] {name} = {{" + ", ".join(hexl(x) for x in limbs(v,n)) + "};"
    L.append(arr("R2", R*R%p))
    L.append(arr("MODULUS", p))
    L.append(arr("ONE_MONT", R%p))
    return "\n".join(L)

if __name__=="__main__":
    p=int(sys.argv[1],0); n=int(sys.argv[2])
    print(consts(p,n)); print(gen_mul(n)); print(gen_addsub(n))

def mac(L, ind, dst_lo, hi_var, a, b, t, c):
    # (hi_var, dst_lo) = t + a*b + c
    L.append(f"{ind}lo = {a} * {b}; hi = Math.unsignedMultiplyHigh({a}, {b});")
    L.append(f"{ind}s = lo + {t}; hi += ((lo & {t}) | ((lo | {t}) & ~s)) >>> 63;")
    if c is not None:
        L.append(f"{ind}lo = s + {c}; hi += ((s & {c}) | ((s | {c}) & ~lo)) >>> 63; {dst_lo} = lo; {hi_var} = hi;")
    else:
        L.append(f"{ind}{dst_lo} = s; {hi_var} = hi;")

def gen_mul_nocarry(n, name="mul"):
    L=[]
    L.append("    /** Montgomery product out = a*b/R mod p (no-carry CIOS: top modulus bit is clear); out may alias a or b. */")
    L.append(f"    public static void {name}(long[] a, long[] b, long[] out) {{")
    for i in range(n): L.append(f"        final long a{i} = a[{i}];")
    L.append("        long lo, hi, s, m, A, C;")
    for j in range(n): L.append(f"        long t{j} = 0;")
    ind="          "
    for i in range(n):
        L.append(f"        {{ final long bi = b[{i}];")
        mac(L, ind, "t0", "A", "a0", "bi", "t0", None)
        L.append(f"{ind}m = t0 * INV;")
        # C = hi(m*P0 + t0)
        L.append(f"{ind}lo = m * P0; hi = Math.unsignedMultiplyHigh(m, P0); s = lo + t0; C = hi + (((lo & t0) | ((lo | t0) & ~s)) >>> 63);")
        for j in range(1,n):
            mac(L, ind, f"t{j}", "A", f"a{j}", "bi", f"t{j}", "A")
            mac(L, ind, f"t{j-1}", "C", "m", f"P{j}", f"t{j}", "C")
        L.append(f"{ind}t{n-1} = C + A; }}")
    L.append("        long br = 0, d;")
    for j in range(n):
        L.append(f"        d = t{j} - P{j} - br; br = ((~t{j} & P{j}) | (~(t{j} ^ P{j}) & d)) >>> 63; long s{j} = d;")
    L.append("        if (br == 0) {")
    for j in range(n): L.append(f"            out[{j}] = s{j};")
    L.append("        } else {")
    for j in range(n): L.append(f"            out[{j}] = t{j};")
    L.append("        }")
    L.append("    }")
    return "\n".join(L)
