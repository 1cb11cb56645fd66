using MediaAdmin.Core.Cdn.Purge.AlibabaVod;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MediaAdmin.Tests.AlibabaVod;

/// <summary>
/// The VOD client and the AlibabaVod purge provider as Core registers them, pointed at a stand-in, with every log line
/// captured and retries that back off in milliseconds instead of seconds.
/// </summary>
public static class VodServices
{
    public static ServiceProvider For(VodStandIn standIn, LogCapture logs, IDictionary<string, string?>? settings = null, TimeProvider? time = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cdn:Purge:Provider"] = "AlibabaVod",
            ["Cdn:Purge:AlibabaVod:Endpoint"] = standIn.Endpoint.ToString(),
            ["Cdn:Purge:AlibabaVod:RegionId"] = "cn-shanghai",
            ["Cdn:Purge:AlibabaVod:AccessKeyId"] = VodStandIn.AccessKeyId,
            ["Cdn:Purge:AlibabaVod:AccessKeySecret"] = VodStandIn.AccessKeySecret,
            ["AlibabaVod:Resilience:RetryDelay"] = "00:00:00.010",
        }).AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        AlibabaVodPurgeRegistration.AddAlibabaVodPurge(services, configuration);
        return services.BuildServiceProvider();
    }
}
