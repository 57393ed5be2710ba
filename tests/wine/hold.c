/* Holds a file open for reading, as a Windows program that reads it does
 * (.NET's default share mode: others may read, not write or delete), until
 * a line arrives on standard input. For tests under wine. */
#include <stdio.h>
#include <windows.h>

int wmain(int argc, wchar_t **argv)
{
    char line[16];
    HANDLE file;

    if (argc != 2) {
        fprintf(stderr, "usage: hold FILE\n");
        return 2;
    }
    file = CreateFileW(argv[1], GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING,
                       FILE_ATTRIBUTE_NORMAL, NULL);
    if (file == INVALID_HANDLE_VALUE) {
        fprintf(stderr, "cannot open the file: error %lu\n", GetLastError());
        return 1;
    }
    printf("holding\n");
    fflush(stdout);
    fgets(line, sizeof line, stdin);
    CloseHandle(file);
    printf("released\n");
    fflush(stdout);
    return 0;
}
