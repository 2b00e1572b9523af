/*
** fuzz/replay_main.c -- a main() for the fuzz targets without libFuzzer:
** runs LLVMFuzzerTestOneInput on every file named (directories are read one
** level deep) and prints "N passed, N failed".  Built with the normal
** compiler and ASan/UBSan by fuzz/replay.sh, it turns the saved corpus into
** regression tests.  A crash ends the process (the sanitizer names the
** input: each file is announced on stderr with -v before it runs).
*/
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int verbose;
static long n_pass, n_fail;

static void run_file(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) { fprintf(stderr, "replay: cannot open %s\n", path); n_fail++; return; }
  size_t cap = 4096, n = 0;
  uint8_t *buf = malloc(cap);
  size_t got;
  while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
    n += got;
    if (n == cap) buf = realloc(buf, cap *= 2);
  }
  fclose(f);
  if (verbose) fprintf(stderr, "replay: %s\n", path);
  LLVMFuzzerTestOneInput(buf, n);
  free(buf);
  n_pass++;
}

static int cmpstr(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

int main(int argc, char **argv) {
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "-v")) { verbose = 1; continue; }
    struct stat st;
    if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)) {
      DIR *d = opendir(argv[i]);
      if (!d) { n_fail++; continue; }
      char **names = NULL;
      size_t nn = 0;
      struct dirent *e;
      while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        names = realloc(names, (nn + 1) * sizeof *names);
        size_t l = strlen(argv[i]) + strlen(e->d_name) + 2;
        names[nn] = malloc(l);
        snprintf(names[nn++], l, "%s/%s", argv[i], e->d_name);
      }
      closedir(d);
      if (nn) qsort(names, nn, sizeof *names, cmpstr);
      for (size_t k = 0; k < nn; k++) { run_file(names[k]); free(names[k]); }
      free(names);
    } else {
      run_file(argv[i]);
    }
  }
  printf("%ld passed, %ld failed\n", n_pass, n_fail);
  return n_fail != 0;
}
