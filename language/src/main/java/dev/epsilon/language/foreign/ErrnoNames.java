package dev.epsilon.language.foreign;

/** Names of the common errno values (Linux), for error reports. */
final class ErrnoNames {
    private ErrnoNames() {
    }

    private static final String[] NAMES = {"", "EPERM: Operation not permitted", "ENOENT: No such file or directory",
        "ESRCH: No such process", "EINTR: Interrupted system call", "EIO: Input/output error",
        "ENXIO: No such device or address", "E2BIG: Argument list too long", "ENOEXEC: Exec format error",
        "EBADF: Bad file descriptor", "ECHILD: No child processes", "EAGAIN: Resource temporarily unavailable",
        "ENOMEM: Cannot allocate memory", "EACCES: Permission denied", "EFAULT: Bad address",
        "ENOTBLK: Block device required", "EBUSY: Device or resource busy", "EEXIST: File exists",
        "EXDEV: Invalid cross-device link", "ENODEV: No such device", "ENOTDIR: Not a directory",
        "EISDIR: Is a directory", "EINVAL: Invalid argument", "ENFILE: Too many open files in system",
        "EMFILE: Too many open files", "ENOTTY: Inappropriate ioctl for device", "ETXTBSY: Text file busy",
        "EFBIG: File too large", "ENOSPC: No space left on device", "ESPIPE: Illegal seek",
        "EROFS: Read-only file system", "EMLINK: Too many links", "EPIPE: Broken pipe",
        "EDOM: Numerical argument out of domain", "ERANGE: Numerical result out of range"};

    static String describe(int errno) {
        return errno > 0 && errno < NAMES.length ? NAMES[errno] : "errno " + errno;
    }
}
