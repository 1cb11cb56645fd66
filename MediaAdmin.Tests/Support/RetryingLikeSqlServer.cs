using MediaAdmin.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Support;

/// <summary>
/// An execution strategy for SQLite that retries as SQL Server's (EnableRetryOnFailure) does, and so, like it, refuses a
/// transaction begun outside it. No SQL Server runs here, so every test host (<see cref="CoreHost"/>,
/// <see cref="ConsoleServer"/>, <see cref="CliHarness"/>) runs under it: code that would fail on SQL Server fails its tests.
/// No failure here is transient, so nothing is retried.
/// </summary>
public sealed class RetryingLikeSqlServer(ExecutionStrategyDependencies dependencies)
    : ExecutionStrategy(dependencies, maxRetryCount: 2, maxRetryDelay: TimeSpan.FromMilliseconds(10))
{
    /// <summary>Gives a Core host's SQLite contexts this strategy.</summary>
    public static void Configure(IServiceCollection services) => services.ConfigureDbContext<SqliteMediaDbContext>(
        options => new SqliteDbContextOptionsBuilder(options).ExecutionStrategy(d => new RetryingLikeSqlServer(d)));

    protected override bool ShouldRetryOn(Exception exception) => false;
}
