#define _GNU_SOURCE
/* The C fixture library: functions with known answers for the FFI tests. */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>
#include <string.h>

int32_t fixture_add_int(int32_t a, int32_t b) { return a + b; }

/* Bytes in a NUL-terminated string: shows how text crossed the boundary (UTF-8). */
uint64_t fixture_byte_length(const char *s) { return s ? strlen(s) : UINT64_MAX; }

double fixture_scale(double x, int32_t factor) { return x * factor; }

/* Every scalar type, returned as received: boundaries must survive both directions. */
int8_t fx_echo_i8(int8_t x) { return x; }
uint8_t fx_echo_u8(uint8_t x) { return x; }
int16_t fx_echo_i16(int16_t x) { return x; }
uint16_t fx_echo_u16(uint16_t x) { return x; }
int32_t fx_echo_i32(int32_t x) { return x; }
uint32_t fx_echo_u32(uint32_t x) { return x; }
int64_t fx_echo_i64(int64_t x) { return x; }
uint64_t fx_echo_u64(uint64_t x) { return x; }
float fx_echo_f32(float x) { return x; }
double fx_echo_f64(double x) { return x; }
bool fx_not(bool x) { return !x; }
void *fx_echo_ptr(void *p) { return p; }
int32_t fx_is_negative_zero(double x) { return x == 0.0 && signbit(x) ? 1 : 0; }
int32_t fx_is_nan(double x) { return x != x; }

/* Twelve arguments of mixed types (more than fit in registers): a weighted sum. */
double fx_mixed12(int8_t a, uint8_t b, int16_t c, uint16_t d, int32_t e, uint32_t f,
                  int64_t g, uint64_t h, float i, double j, const char *k, void *l) {
    return a + 2.0 * b + 3.0 * c + 4.0 * d + 5.0 * e + 6.0 * f + 7.0 * (double) g + 8.0 * (double) h
           + 9.0 * i + 10.0 * j + 11.0 * (double) strlen(k) + (l ? 12.0 : 0.0);
}

/* Eight narrow integers (two on the stack on x86-64): each weighted, so a wrongly extended or
   misplaced argument shows; and narrow results with the register's upper bits set. */
int64_t fx_narrow8(int8_t a, uint8_t b, int16_t c, uint16_t d, int32_t e, uint32_t f, int8_t g, uint16_t h) {
    return a + 3 * (int64_t) b + 5 * (int64_t) c + 7 * (int64_t) d + 11 * (int64_t) e + 13 * (int64_t) f
           + 17 * (int64_t) g + 19 * (int64_t) h;
}
int8_t fx_narrow_i8(int64_t x) { return (int8_t) x; }
uint16_t fx_narrow_u16(int64_t x) { return (uint16_t) x; }
_Bool fx_narrow_bool(int64_t x) { return (x & 0xff) != 0; }

/* Strings out of C, with non-ASCII text. */
const char *fx_greeting(void) { return "héllo wörld ☃"; }
const char *fx_null_string(void) { return NULL; }

/* Out-parameters: C writes through the pointers it is given. */
void fx_out_params(int32_t *count, double *ratio) { *count = 42; *ratio = 2.5; }
void fx_fill_bytes(uint8_t *buffer, size_t n) { for (size_t i = 0; i < n; i++) buffer[i] = (uint8_t) (i * 2); }
double fx_sum_doubles_array(const double *xs, size_t n) { double s = 0; for (size_t i = 0; i < n; i++) s += xs[i]; return s; }
void fx_scale_ints(int32_t *xs, size_t n, int32_t factor) { for (size_t i = 0; i < n; i++) xs[i] *= factor; }

/* Variadic functions. */
int64_t fx_sum_ints(int32_t count, ...) {
    va_list ap;
    va_start(ap, count);
    int64_t sum = 0;
    for (int32_t i = 0; i < count; i++) sum += va_arg(ap, int);
    va_end(ap);
    return sum;
}
double fx_sum_mixed(int32_t count, ...) {
    /* count pairs of (int, double) */
    va_list ap;
    va_start(ap, count);
    double sum = 0;
    for (int32_t i = 0; i < count; i++) { sum += va_arg(ap, int); sum += va_arg(ap, double); }
    va_end(ap);
    return sum;
}

/* errno: fail in the C convention with a chosen errno. */
int32_t fx_fail_with_errno(int32_t code) { errno = code; return -1; }
void *fx_null_with_errno(int32_t code) { errno = code; return NULL; }
int32_t fx_succeed(int32_t code) { errno = code; return 0; }

/* Callbacks: C calling Lisp, on this thread and on threads C starts itself. */
#include <pthread.h>

int32_t fx_apply_callback(int32_t (*f)(int32_t), int32_t x) { return f(x); }
double fx_apply_double_callback(double (*f)(double, double), double a, double b) { return f(a, b); }
void *fx_apply_pointer_callback(void *(*f)(void *), void *p) { return f(p); }
/* Every scalar carrier through a callback: C passes boundary values and folds what comes back. */
float fx_apply_float_callback(float (*f)(float), float x) { return f(x); }
uint8_t fx_apply_u8_callback(uint8_t (*f)(uint8_t), uint8_t x) { return f(x); }
int16_t fx_apply_i16_callback(int16_t (*f)(int16_t), int16_t x) { return f(x); }
uint32_t fx_apply_u32_callback(uint32_t (*f)(uint32_t), uint32_t x) { return f(x); }
uint64_t fx_apply_u64_callback(uint64_t (*f)(uint64_t), uint64_t x) { return f(x); }
_Bool fx_apply_bool_callback(_Bool (*f)(_Bool), _Bool x) { return f(x); }
static int64_t fx_void_seen;
int64_t fx_call_void_callback(void (*f)(int64_t), int64_t x) { fx_void_seen = 0; f(x); return fx_void_seen; }
void fx_note(int64_t x) { fx_void_seen = x; }
double fx_apply_mixed_callback(double (*f)(int8_t, float, uint16_t, double, int64_t, void *)) {
    return f(-128, 1.5f, 65535, -0.25, INT64_MIN, (void *) 0x1000);
}
/* Past the six arguments a callback gets without an argument array. */
int64_t fx_apply_seven_callback(int64_t (*f)(int32_t, int32_t, int32_t, int32_t, int32_t, int32_t, int64_t)) {
    return f(1, 2, 3, 4, 5, 6, 7000000000LL);
}
int32_t fx_apply_nothing_callback(int32_t (*f)(void)) { return f(); }
int64_t fx_sum_callback(int32_t (*f)(int32_t), int32_t n) {
    int64_t sum = 0;
    for (int32_t i = 0; i < n; i++) sum += f(i);
    return sum;
}

struct thread_job { int32_t (*f)(int32_t); int32_t calls; int64_t sum; };

static void *run_job(void *arg) {
    struct thread_job *job = arg;
    for (int32_t i = 0; i < job->calls; i++) job->sum += job->f(i);
    return NULL;
}

/* Starts `threads` POSIX threads that each call f `calls` times; the total of all results. */
int64_t fx_call_in_threads(int32_t (*f)(int32_t), int32_t threads, int32_t calls) {
    pthread_t ids[64];
    struct thread_job jobs[64];
    if (threads > 64) threads = 64;
    for (int32_t t = 0; t < threads; t++) {
        jobs[t].f = f; jobs[t].calls = calls; jobs[t].sum = 0;
        pthread_create(&ids[t], NULL, run_job, &jobs[t]);
    }
    int64_t total = 0;
    for (int32_t t = 0; t < threads; t++) { pthread_join(ids[t], NULL); total += jobs[t].sum; }
    return total;
}

/* Structs by value: small (registers), mixed integer/floating, and large (returned through memory). */
struct fx_pair { int32_t a; int32_t b; };
struct fx_mixed { int32_t i; float f; double d; };
struct fx_big { int64_t v[5]; char tag; };

struct fx_pair fx_make_pair(int32_t a, int32_t b) { struct fx_pair p = {a, b}; return p; }
int32_t fx_pair_sum(struct fx_pair p) { return p.a + p.b; }
struct fx_mixed fx_scale_mixed(struct fx_mixed m, double k) {
    struct fx_mixed r = {(int32_t) (m.i * k), (float) (m.f * k), m.d * k};
    return r;
}
struct fx_big fx_make_big(int64_t base) {
    struct fx_big b;
    for (int i = 0; i < 5; i++) b.v[i] = base + i;
    b.tag = 'Z';
    return b;
}
int64_t fx_big_sum(struct fx_big b) { int64_t s = b.tag; for (int i = 0; i < 5; i++) s += b.v[i]; return s; }

/* Manifest tests: ownership of returned strings, out-parameters, fixed arguments. The library's
   own free() counts the frees made through it (manifests free caller_frees results with the free
   their library sees); it forwards to the C library's free. */
#include <dlfcn.h>
#include <stdlib.h>

static long frees_seen;
static char borrowed_buffer[64];

void free(void *p) {
    static void (*real_free)(void *);
    if (!real_free) real_free = (void (*)(void *)) dlsym(RTLD_NEXT, "free");
    frees_seen++;
    real_free(p);
}

long fx_frees(void) { return frees_seen; }
char *fx_strdup(const char *s) { size_t n = strlen(s) + 1; char *c = malloc(n); memcpy(c, s, n); return c; }
const char *fx_static_name(void) { return "static name"; }
const char *fx_borrowed(int32_t n) {
    for (int i = 0; i < n && i < 63; i++) borrowed_buffer[i] = (char) ('a' + i % 26);
    borrowed_buffer[n < 63 ? n : 63] = 0;
    return borrowed_buffer;
}
int32_t fx_make_handle(int32_t seed, void **out) { *out = (void *) (intptr_t) (seed * 16); return 0; }
int32_t fx_handle_value(void *h) { return (int32_t) ((intptr_t) h / 16); }
int32_t fx_count_nulls(void *a, void *b, int32_t n) { return (a == NULL) + (b == NULL) + n; }

/* A callback taking and returning a struct by value. */
int32_t fx_apply_pair_callback(struct fx_pair (*f)(struct fx_pair), int32_t a, int32_t b) {
    struct fx_pair in = {a, b};
    struct fx_pair out = f(in);
    return out.a * 1000 + out.b;
}
