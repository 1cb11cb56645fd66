using MediaAdmin.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MediaAdmin.Tests.Cdn.UrlAuth;

/// <summary>The real console with Cdn:UrlAuth set and a clock the test moves.</summary>
internal static class UrlAuthServer
{
    public const string PrivateKey = "MediaAdminTestKey0123456789";

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public static Task<ConsoleServer> StartAsync(string folder, ManualClock clock) =>
        ConsoleServer.StartAsync(
            folder,
            new Dictionary<string, string?> { ["Cdn:UrlAuth:PrivateKey"] = PrivateKey, ["Cdn:UrlAuth:Lifetime"] = Lifetime.ToString() },
            builder => builder.Services.AddSingleton<TimeProvider>(clock));
}
