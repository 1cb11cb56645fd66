using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Core.Events;

/// <summary>Registers the event callbacks the local library sends to <c>Events:CallbackUrl</c>.</summary>
internal static class EventsServiceCollectionExtensions
{
    public static IServiceCollection AddEventCallbacks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EventsOptions>().Bind(configuration.GetSection(EventsOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EventsOptions>, EventsOptionsValidator>();
        return services;
    }
}
