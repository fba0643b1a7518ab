/*
 * confine: the OS layer of Modelbook's kernel sandbox on Linux. Applies, to itself, limits that
 * the kernel enforces below Node and that survive execve, then executes the program it was given
 * (the Node that runs a kernel or a trial worker):
 *
 *   - Landlock (Linux >= 5.13): the file system is reachable only beneath the paths given (--ro,
 *     --rw, --ro-file, --rx, --rx-file); only --rx/--rx-file paths may be executed (the program and
 *     its ELF interpreter; shared libraries are mapped, not executed); the kernel resolves symbolic links first, so a link in the workspace to
 *     /home/you reaches nothing. ABI >= 4: TCP bind/connect are refused unless --net. ABI >= 6:
 *     signals reach only processes inside the sandbox, and abstract unix sockets outside it are
 *     unreachable.
 *   - seccomp: no signal, priority or scheduling change for any process but this one (--self-only),
 *     no ptrace or reading another process's memory, no new sockets but netlink unless --net, no
 *     mount/namespaces/bpf/keyrings/modules/open_by_handle_at, no io_uring (it would skip seccomp),
 *     no raising the data or address-space limit.
 *   - PR_SET_PDEATHSIG: the process dies with the host that started it, busy or not.
 *   - RLIMIT_DATA (--data BYTES): a memory cap the kernel counts, typed arrays and WebAssembly too.
 *
 * --open keeps only the last two (the sandbox turned off by the user: no Landlock, no seccomp).
 *
 * What was applied is put in the environment variable MODELBOOK_CONFINE of the program, e.g.
 * "landlock=7 seccomp=1 pdeathsig=1", so the host can report it. A layer the running Linux lacks
 * is skipped, never faked: the variable says landlock=0 then.
 *
 * usage: confine [--ro PATH]... [--rw PATH]... [--ro-file PATH]... [--rx PATH]... [--rx-file PATH]...
 *                [--net] [--self-only] [--open]
 *                [--data BYTES] [--parent PID] -- PROGRAM ARG...
 *
 * Freestanding (no libc): raw system calls on x86-64 and AArch64, so the binary is small, static
 * and byte-for-byte reproducible. Build: native/confine/build.sh (clang + lld).
 */

typedef unsigned long u64;
typedef unsigned int u32;
typedef unsigned short u16;
typedef unsigned char u8;
typedef long i64;
typedef int i32;

#if defined(__x86_64__)
#define AUDIT_ARCH 0xC000003Eu
enum {
  NR_write = 1, NR_openat = 257, NR_close = 3, NR_prctl = 157, NR_execve = 59, NR_exit_group = 231,
  NR_getpid = 39, NR_getppid = 110, NR_prlimit64 = 302, NR_setrlimit = 160,
  NR_kill = 62, NR_tkill = 200, NR_tgkill = 234, NR_rt_sigqueueinfo = 129, NR_rt_tgsigqueueinfo = 297,
  NR_setpriority = 141, NR_sched_setaffinity = 203, NR_sched_setscheduler = 144, NR_sched_setparam = 142,
  NR_sched_setattr = 314, NR_ioprio_set = 251, NR_migrate_pages = 256, NR_move_pages = 279, NR_socket = 41,
};
static const u32 DENIED[] = {
  101 /* ptrace */, 310 /* process_vm_readv */, 311 /* process_vm_writev */, 312 /* kcmp */,
  424 /* pidfd_send_signal */, 438 /* pidfd_getfd */, 440 /* process_madvise */, 448 /* process_mrelease */,
  165 /* mount */, 166 /* umount2 */, 155 /* pivot_root */, 161 /* chroot */, 272 /* unshare */, 308 /* setns */,
  428 /* open_tree */, 429 /* move_mount */, 430 /* fsopen */, 431 /* fsconfig */, 432 /* fsmount */, 442 /* mount_setattr */,
  321 /* bpf */, 298 /* perf_event_open */, 175 /* init_module */, 313 /* finit_module */, 176 /* delete_module */,
  246 /* kexec_load */, 320 /* kexec_file_load */, 169 /* reboot */, 167 /* swapon */, 168 /* swapoff */,
  250 /* keyctl */, 248 /* add_key */, 249 /* request_key */, 163 /* acct */, 164 /* settimeofday */,
  227 /* clock_settime */, 159 /* adjtimex */, 305 /* clock_adjtime */, 170 /* sethostname */, 171 /* setdomainname */,
  172 /* iopl */, 173 /* ioperm */, 303 /* name_to_handle_at */, 304 /* open_by_handle_at */, 300 /* fanotify_init */,
  179 /* quotactl */, 103 /* syslog */, 323 /* userfaultfd */, 212 /* lookup_dcookie */, 134 /* uselib */, 153 /* vhangup */,
};
static const u32 NO_SUCH_CALL[] = { 425 /* io_uring_setup */, 426 /* io_uring_enter */, 427 /* io_uring_register */ };
#elif defined(__aarch64__)
#define AUDIT_ARCH 0xC00000B7u
enum {
  NR_write = 64, NR_openat = 56, NR_close = 57, NR_prctl = 167, NR_execve = 221, NR_exit_group = 94,
  NR_getpid = 172, NR_getppid = 173, NR_prlimit64 = 261, NR_setrlimit = 164,
  NR_kill = 129, NR_tkill = 130, NR_tgkill = 131, NR_rt_sigqueueinfo = 138, NR_rt_tgsigqueueinfo = 240,
  NR_setpriority = 140, NR_sched_setaffinity = 122, NR_sched_setscheduler = 119, NR_sched_setparam = 118,
  NR_sched_setattr = 274, NR_ioprio_set = 30, NR_migrate_pages = 238, NR_move_pages = 239, NR_socket = 198,
};
static const u32 DENIED[] = {
  117 /* ptrace */, 270 /* process_vm_readv */, 271 /* process_vm_writev */, 272 /* kcmp */,
  424 /* pidfd_send_signal */, 438 /* pidfd_getfd */, 440 /* process_madvise */, 448 /* process_mrelease */,
  40 /* mount */, 39 /* umount2 */, 41 /* pivot_root */, 51 /* chroot */, 97 /* unshare */, 268 /* setns */,
  428 /* open_tree */, 429 /* move_mount */, 430 /* fsopen */, 431 /* fsconfig */, 432 /* fsmount */, 442 /* mount_setattr */,
  280 /* bpf */, 241 /* perf_event_open */, 105 /* init_module */, 273 /* finit_module */, 106 /* delete_module */,
  104 /* kexec_load */, 294 /* kexec_file_load */, 142 /* reboot */, 224 /* swapon */, 225 /* swapoff */,
  219 /* keyctl */, 217 /* add_key */, 218 /* request_key */, 89 /* acct */, 170 /* settimeofday */,
  112 /* clock_settime */, 171 /* adjtimex */, 266 /* clock_adjtime */, 161 /* sethostname */, 162 /* setdomainname */,
  264 /* name_to_handle_at */, 265 /* open_by_handle_at */, 262 /* fanotify_init */,
  60 /* quotactl */, 116 /* syslog */, 282 /* userfaultfd */, 18 /* lookup_dcookie */, 58 /* vhangup */,
};
static const u32 NO_SUCH_CALL[] = { 425 /* io_uring_setup */, 426 /* io_uring_enter */, 427 /* io_uring_register */ };
#else
#error "confine supports x86-64 and AArch64 Linux"
#endif

enum { NR_landlock_create_ruleset = 444, NR_landlock_add_rule = 445, NR_landlock_restrict_self = 446 };

static i64 sys6(i64 n, i64 a, i64 b, i64 c, i64 d, i64 e, i64 f) {
#if defined(__x86_64__)
  register i64 r10 __asm__("r10") = d;
  register i64 r8 __asm__("r8") = e;
  register i64 r9 __asm__("r9") = f;
  i64 ret;
  __asm__ volatile("syscall" : "=a"(ret) : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8), "r"(r9) : "rcx", "r11", "memory");
  return ret;
#else
  register i64 x8 __asm__("x8") = n;
  register i64 x0 __asm__("x0") = a;
  register i64 x1 __asm__("x1") = b;
  register i64 x2 __asm__("x2") = c;
  register i64 x3 __asm__("x3") = d;
  register i64 x4 __asm__("x4") = e;
  register i64 x5 __asm__("x5") = f;
  __asm__ volatile("svc 0" : "+r"(x0) : "r"(x8), "r"(x1), "r"(x2), "r"(x3), "r"(x4), "r"(x5) : "memory");
  return x0;
#endif
}
#define sys(n, a, b, c) sys6((n), (i64)(a), (i64)(b), (i64)(c), 0, 0, 0)

/* ---- tiny string helpers (no libc) ---- */

static u64 len(const char *s) {
  u64 n = 0;
  while (s[n]) n++;
  return n;
}

static int same(const char *a, const char *b) {
  while (*a && *a == *b) a++, b++;
  return *a == *b;
}

static int starts(const char *s, const char *prefix) {
  while (*prefix)
    if (*s++ != *prefix++) return 0;
  return 1;
}

static void say(const char *s) { sys(NR_write, 2, s, len(s)); }

__attribute__((noreturn)) static void die(const char *what) {
  say("confine: ");
  say(what);
  say("\n");
  sys(NR_exit_group, 126, 0, 0);
  __builtin_unreachable();
}

static u64 parse_u64(const char *s) {
  u64 v = 0;
  if (!*s) die("expected a number");
  for (; *s; s++) {
    if (*s < '0' || *s > '9') die("expected a number");
    v = v * 10 + (u64)(*s - '0');
  }
  return v;
}

static char *put_u64(char *p, u64 v) {
  char tmp[24];
  int n = 0;
  do tmp[n++] = (char)('0' + v % 10), v /= 10;
  while (v);
  while (n) *p++ = tmp[--n];
  return p;
}

static char *put(char *p, const char *s) {
  while (*s) *p++ = *s++;
  return p;
}

/* ---- Landlock ---- */

#define LL_EXECUTE (1ull << 0)
#define LL_WRITE_FILE (1ull << 1)
#define LL_READ_FILE (1ull << 2)
#define LL_READ_DIR (1ull << 3)
#define LL_REMOVE_DIR (1ull << 4)
#define LL_REMOVE_FILE (1ull << 5)
#define LL_MAKE_CHAR (1ull << 6)
#define LL_MAKE_DIR (1ull << 7)
#define LL_MAKE_REG (1ull << 8)
#define LL_MAKE_SOCK (1ull << 9)
#define LL_MAKE_FIFO (1ull << 10)
#define LL_MAKE_BLOCK (1ull << 11)
#define LL_MAKE_SYM (1ull << 12)
#define LL_REFER (1ull << 13)
#define LL_TRUNCATE (1ull << 14)
#define LL_IOCTL_DEV (1ull << 15)
#define LL_NET_BIND_TCP (1ull << 0)
#define LL_NET_CONNECT_TCP (1ull << 1)
#define LL_SCOPE_ABSTRACT_UNIX (1ull << 0)
#define LL_SCOPE_SIGNAL (1ull << 1)

/* Rights that apply to a file (not a directory) rule. */
#define LL_FILE_RIGHTS (LL_EXECUTE | LL_WRITE_FILE | LL_READ_FILE | LL_TRUNCATE | LL_IOCTL_DEV)
#define LL_READ (LL_READ_FILE | LL_READ_DIR)
#define LL_EXEC (LL_READ | LL_EXECUTE)
/* Writing: everything but creating device nodes (a block device in the workspace would be the disk). */
#define LL_WRITE (LL_READ | LL_WRITE_FILE | LL_REMOVE_DIR | LL_REMOVE_FILE | LL_MAKE_DIR | LL_MAKE_REG | LL_MAKE_SOCK | \
                  LL_MAKE_FIFO | LL_MAKE_SYM | LL_REFER | LL_TRUNCATE)

struct ruleset_attr {
  u64 handled_access_fs;
  u64 handled_access_net;
  u64 scoped;
};

struct path_beneath_attr {
  u64 allowed_access;
  i32 parent_fd;
} __attribute__((packed));

#define O_PATH 010000000
#define O_CLOEXEC 02000000
#define AT_FDCWD (-100)
#define EINVAL 22

static u64 handled_fs;

static void allow_path(i64 ruleset, const char *path, u64 rights) {
  i64 fd = sys6(NR_openat, AT_FDCWD, (i64)path, O_PATH | O_CLOEXEC, 0, 0, 0);
  if (fd < 0) return; /* a path that does not exist grants nothing */
  struct path_beneath_attr rule = { rights & handled_fs, (i32)fd };
  i64 r = sys6(NR_landlock_add_rule, ruleset, 1 /* LANDLOCK_RULE_PATH_BENEATH */, (i64)&rule, 0, 0, 0);
  if (r == -EINVAL) { /* a file, not a directory: only file rights apply */
    rule.allowed_access = rights & handled_fs & LL_FILE_RIGHTS;
    r = sys6(NR_landlock_add_rule, ruleset, 1, (i64)&rule, 0, 0, 0);
  }
  sys(NR_close, fd, 0, 0);
  if (r < 0) die("landlock_add_rule failed");
}

/* ---- seccomp ---- */

struct sock_filter {
  u16 code;
  u8 jt, jf;
  u32 k;
};
struct sock_fprog {
  u16 len;
  struct sock_filter *filter;
};

#define LD_ABS 0x20 /* BPF_LD | BPF_W | BPF_ABS */
#define JEQ 0x15    /* BPF_JMP | BPF_JEQ | BPF_K */
#define JGE 0x35    /* BPF_JMP | BPF_JGE | BPF_K */
#define RET 0x06    /* BPF_RET | BPF_K */
#define RET_ALLOW 0x7fff0000u
#define RET_KILL 0x80000000u
#define RET_ERRNO(e) (0x00050000u | (e))
#define EPERM 1
#define EACCES 13
#define ENOSYS 38
#define OFF_NR 0
#define OFF_ARCH 4
#define OFF_ARG_LO(i) (16 + 8 * (i))
#define OFF_ARG_HI(i) (20 + 8 * (i))
#define AF_UNIX 1
#define AF_INET 2
#define AF_INET6 10
#define AF_NETLINK 16

static struct sock_filter prog[512];
static int n_prog;

static void emit(u16 code, u8 jt, u8 jf, u32 k) {
  if (n_prog >= (int)(sizeof prog / sizeof prog[0])) die("seccomp filter too long");
  prog[n_prog++] = (struct sock_filter){ code, jt, jf, k };
}

/* if (nr == call) return ret; */
static void deny_call(u32 call, u32 ret) {
  emit(JEQ, 0, 1, call);
  emit(RET, 0, 0, ret);
}

/*
 * if (nr == call) { allowed only when low32(arg) is 0 or this process (or -this for kill) }.
 */
static void self_only(u32 call, int arg, u32 self, int negative_too) {
  emit(JEQ, 0, negative_too ? 6 : 5, call);
  emit(LD_ABS, 0, 0, OFF_ARG_LO(arg));
  emit(JEQ, negative_too ? 3 : 2, 0, self);
  emit(JEQ, negative_too ? 2 : 1, 0, 0);
  if (negative_too) emit(JEQ, 1, 0, (u32)(-(i32)self));
  emit(RET, 0, 0, RET_ERRNO(EPERM));
  emit(RET, 0, 0, RET_ALLOW);
}

static void install_seccomp(u32 self, int net, int self_only_signals) {
  emit(LD_ABS, 0, 0, OFF_ARCH);
  emit(JEQ, 1, 0, AUDIT_ARCH);
  emit(RET, 0, 0, RET_KILL);
  emit(LD_ABS, 0, 0, OFF_NR);
#if defined(__x86_64__)
  emit(JGE, 0, 1, 0x40000000u); /* the x32 ABI's numbers would dodge every test below */
  emit(RET, 0, 0, RET_ERRNO(EPERM));
#endif
  for (u64 i = 0; i < sizeof DENIED / sizeof DENIED[0]; i++) deny_call(DENIED[i], RET_ERRNO(EPERM));
  for (u64 i = 0; i < sizeof NO_SUCH_CALL / sizeof NO_SUCH_CALL[0]; i++) deny_call(NO_SUCH_CALL[i], RET_ERRNO(ENOSYS));
  if (self_only_signals) {
    self_only(NR_kill, 0, self, 1);
    deny_call(NR_tkill, RET_ERRNO(EPERM));
    self_only(NR_tgkill, 0, self, 0);
    self_only(NR_rt_sigqueueinfo, 0, self, 0);
    self_only(NR_rt_tgsigqueueinfo, 0, self, 0);
  }
  self_only(NR_sched_setaffinity, 0, self, 0);
  self_only(NR_sched_setscheduler, 0, self, 0);
  self_only(NR_sched_setparam, 0, self, 0);
  self_only(NR_sched_setattr, 0, self, 0);
  self_only(NR_migrate_pages, 0, self, 0);
  self_only(NR_move_pages, 0, self, 0);
  self_only(NR_ioprio_set, 1, self, 0);
  /* setpriority(PRIO_PROCESS, 0 | self, n) only: PRIO_PGRP / PRIO_USER reach other processes. */
  emit(JEQ, 0, 7, NR_setpriority);
  emit(LD_ABS, 0, 0, OFF_ARG_LO(0));
  emit(JEQ, 0, 3, 0 /* PRIO_PROCESS */);
  emit(LD_ABS, 0, 0, OFF_ARG_LO(1));
  emit(JEQ, 2, 0, self);
  emit(JEQ, 1, 0, 0);
  emit(RET, 0, 0, RET_ERRNO(EPERM));
  emit(RET, 0, 0, RET_ALLOW);
  /* prlimit64(0 | self, resource, new, old): reading is fine; raising the memory caps is not. */
  emit(JEQ, 0, 13, NR_prlimit64);
  emit(LD_ABS, 0, 0, OFF_ARG_LO(0));
  emit(JEQ, 2, 0, self);
  emit(JEQ, 1, 0, 0);
  emit(RET, 0, 0, RET_ERRNO(EPERM));
  emit(LD_ABS, 0, 0, OFF_ARG_LO(2));
  emit(JEQ, 0, 2, 0);
  emit(LD_ABS, 0, 0, OFF_ARG_HI(2));
  emit(JEQ, 4, 0, 0); /* new == NULL: a read */
  emit(LD_ABS, 0, 0, OFF_ARG_LO(1));
  emit(JEQ, 1, 0, 2 /* RLIMIT_DATA */);
  emit(JEQ, 0, 1, 9 /* RLIMIT_AS */);
  emit(RET, 0, 0, RET_ERRNO(EPERM));
  emit(RET, 0, 0, RET_ALLOW);
  /* setrlimit(resource, new) */
  emit(JEQ, 0, 5, NR_setrlimit);
  emit(LD_ABS, 0, 0, OFF_ARG_LO(0));
  emit(JEQ, 1, 0, 2 /* RLIMIT_DATA */);
  emit(JEQ, 0, 1, 9 /* RLIMIT_AS */);
  emit(RET, 0, 0, RET_ERRNO(EPERM));
  emit(RET, 0, 0, RET_ALLOW);
  if (!net) {
    /* socket(domain, …): netlink only (interface listing); no TCP/UDP, no unix socket to another program. */
    emit(JEQ, 0, 4, NR_socket);
    emit(LD_ABS, 0, 0, OFF_ARG_LO(0));
    emit(JEQ, 0, 1, AF_NETLINK);
    emit(RET, 0, 0, RET_ALLOW);
    emit(RET, 0, 0, RET_ERRNO(EACCES));
  }
  emit(RET, 0, 0, RET_ALLOW);

  struct sock_fprog fprog = { (u16)n_prog, prog };
  if (sys(NR_prctl, 22 /* PR_SET_SECCOMP */, 2 /* SECCOMP_MODE_FILTER */, &fprog) < 0) die("seccomp filter refused");
}

/* ---- main ---- */

#define MAX_PATHS 256

struct args {
  const char *ro[MAX_PATHS];
  int n_ro;
  const char *rw[MAX_PATHS];
  int n_rw;
  const char *ro_file[MAX_PATHS];
  int n_ro_file;
  const char *rx[MAX_PATHS];
  int n_rx;
  const char *rx_file[MAX_PATHS];
  int n_rx_file;
  int net;
  int self_only;
  int open;
  u64 data;
  u64 parent;
  char **program;
};

static void parse(char **argv, struct args *a) {
  for (char **p = argv + 1; *p; p++) {
    const char *f = *p;
    if (same(f, "--")) {
      a->program = p + 1;
      if (!*a->program) die("no program after --");
      return;
    }
    if (same(f, "--net")) { a->net = 1; continue; }
    if (same(f, "--self-only")) { a->self_only = 1; continue; }
    if (same(f, "--open")) { a->open = 1; continue; }
    const char *v = p[1];
    if (!v) die("missing value after an option");
    p++;
    if (same(f, "--ro") && a->n_ro < MAX_PATHS) a->ro[a->n_ro++] = v;
    else if (same(f, "--rw") && a->n_rw < MAX_PATHS) a->rw[a->n_rw++] = v;
    else if (same(f, "--ro-file") && a->n_ro_file < MAX_PATHS) a->ro_file[a->n_ro_file++] = v;
    else if (same(f, "--rx") && a->n_rx < MAX_PATHS) a->rx[a->n_rx++] = v;
    else if (same(f, "--rx-file") && a->n_rx_file < MAX_PATHS) a->rx_file[a->n_rx_file++] = v;
    else if (same(f, "--data")) a->data = parse_u64(v);
    else if (same(f, "--parent")) a->parent = parse_u64(v);
    else die("unknown option (usage: confine [--ro P] [--rw P] [--ro-file P] [--rx P] [--rx-file P] [--net] [--self-only] [--open] [--data N] [--parent PID] -- PROGRAM ARG...)");
  }
  die("no -- PROGRAM given");
}

static i64 apply_landlock(struct args *a) {
  i64 abi = sys(NR_landlock_create_ruleset, 0, 0, 1 /* LANDLOCK_CREATE_RULESET_VERSION */);
  if (abi < 1) return 0;
  handled_fs = (1ull << 13) - 1;
  if (abi >= 2) handled_fs |= LL_REFER;
  if (abi >= 3) handled_fs |= LL_TRUNCATE;
  if (abi >= 5) handled_fs |= LL_IOCTL_DEV;
  struct ruleset_attr attr = { handled_fs, 0, 0 };
  u64 size = 8;
  if (abi >= 4) {
    size = 16;
    if (!a->net) attr.handled_access_net = LL_NET_BIND_TCP | LL_NET_CONNECT_TCP;
  }
  if (abi >= 6) {
    size = 24;
    attr.scoped = LL_SCOPE_SIGNAL | (a->net ? 0 : LL_SCOPE_ABSTRACT_UNIX);
  }
  i64 ruleset = sys(NR_landlock_create_ruleset, &attr, size, 0);
  if (ruleset < 0) die("landlock_create_ruleset failed");
  for (int i = 0; i < a->n_ro; i++) allow_path(ruleset, a->ro[i], LL_READ);
  for (int i = 0; i < a->n_ro_file; i++) allow_path(ruleset, a->ro_file[i], LL_READ_FILE);
  for (int i = 0; i < a->n_rx; i++) allow_path(ruleset, a->rx[i], LL_EXEC);
  for (int i = 0; i < a->n_rx_file; i++) allow_path(ruleset, a->rx_file[i], LL_READ_FILE | LL_EXECUTE);
  for (int i = 0; i < a->n_rw; i++) allow_path(ruleset, a->rw[i], LL_WRITE);
  if (sys(NR_landlock_restrict_self, ruleset, 0, 0) < 0) die("landlock_restrict_self failed");
  sys(NR_close, ruleset, 0, 0);
  return abi;
}

static char *envp_out[4096];
static char status_var[128];

int confine_main(int argc, char **argv, char **envp) {
  (void)argc;
  static struct args a;
  parse(argv, &a);

  /* Die with the host. If it is already gone, the parent is no longer the one that started us. */
  if (sys(NR_prctl, 1 /* PR_SET_PDEATHSIG */, 9 /* SIGKILL */, 0) < 0) die("PR_SET_PDEATHSIG failed");
  if (a.parent && (u64)sys(NR_getppid, 0, 0, 0) != a.parent) sys(NR_exit_group, 125, 0, 0);

  if (a.data) {
    u64 lim[2] = { a.data, a.data };
    if (sys6(NR_prlimit64, 0, 2 /* RLIMIT_DATA */, (i64)lim, 0, 0, 0) < 0) die("could not set RLIMIT_DATA");
  }
  i64 abi = 0;
  if (!a.open) {
    if (sys(NR_prctl, 38 /* PR_SET_NO_NEW_PRIVS */, 1, 0) < 0) die("PR_SET_NO_NEW_PRIVS failed");
    abi = apply_landlock(&a);
    install_seccomp((u32)sys(NR_getpid, 0, 0, 0), a.net, a.self_only);
  }

  char *p = put(status_var, "MODELBOOK_CONFINE=landlock=");
  p = put_u64(p, (u64)abi);
  p = put(p, a.open ? " seccomp=0 pdeathsig=1" : " seccomp=1 pdeathsig=1");
  *p = 0;
  int n = 0;
  for (char **e = envp; *e && n < 4094; e++)
    if (!starts(*e, "MODELBOOK_CONFINE=")) envp_out[n++] = *e;
  envp_out[n++] = status_var;
  envp_out[n] = 0;
  i64 r = sys(NR_execve, a.program[0], a.program, envp_out);
  (void)r;
  die("could not execute the program");
}

/* The entry point: the stack holds argc, argv[], NULL, envp[], NULL. */
#if defined(__x86_64__)
__asm__(".text\n.global _start\n_start:\n xor %rbp,%rbp\n mov %rsp,%rdi\n and $-16,%rsp\n call start_c\n hlt\n");
#else
__asm__(".text\n.global _start\n_start:\n mov x29, #0\n mov x30, #0\n mov x0, sp\n and sp, x0, #-16\n bl start_c\n brk #0\n");
#endif

__attribute__((used, noreturn)) void start_c(long *sp) {
  int argc = (int)sp[0];
  char **argv = (char **)(sp + 1);
  char **envp = argv + argc + 1;
  sys(NR_exit_group, confine_main(argc, argv, envp), 0, 0);
  __builtin_unreachable();
}
