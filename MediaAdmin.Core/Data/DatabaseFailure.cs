using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace MediaAdmin.Core.Data;

/// <summary>Tells a failing database (full disk, lost connection, retries exhausted) from a bug.</summary>
internal static class DatabaseFailure
{
    public static bool Is(Exception ex) =>
        ex is DbException or DbUpdateException or TimeoutException
        || (ex is InvalidOperationException && ex.InnerException is DbException or TimeoutException)
        || ex is RetryLimitExceededException;
}
