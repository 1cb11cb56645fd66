using MediaAdmin.Core.Sources.AlibabaVod;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Core.Events;

/// <summary>
/// Registers ApsaraVideo VOD's event callbacks in both directions: the ones the local library sends to
/// <c>Events:CallbackUrl</c> (the outbox and its sender), and the ones an ApsaraVideo VOD account sends to the mirror.
/// </summary>
internal static class EventsServiceCollectionExtensions
{
    public static IServiceCollection AddEventCallbacks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EventsOptions>().Bind(configuration.GetSection(EventsOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EventsOptions>, EventsOptionsValidator>();
        services.AddSingleton<VodEventOutbox>();
        services.AddSingleton<OutgoingVodEventStore>();
        services.AddHttpClient(OutgoingVodEventSender.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.AddHostedService<OutgoingVodEventSender>();
        services.AddSingleton<VodEventHistoryPruner>();
        services.AddHostedService<VodEventHistoryPruning>();

        services.AddSingleton<VodEventApplier>();
        services.AddSingleton<VodCallbackReceiver>();
        return services;
    }
}
