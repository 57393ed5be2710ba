/* A stand-in for Windows' bcryptprimitives.dll, for tests under Debian's
 * wine 8 only (never shipped): Rust's standard library asks it for random
 * bytes through ProcessPrng, which wine 8 lacks. It answers from advapi32's
 * RtlGenRandom (SystemFunction036), which wine has. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
