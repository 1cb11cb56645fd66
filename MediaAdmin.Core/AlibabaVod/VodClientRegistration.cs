using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace MediaAdmin.Core.AlibabaVod;

/// <summary>Registers the VOD client once, whichever feature (CDN purge, the Alibaba library source) asks first.</summary>
internal static class VodClientRegistration
{
    public static IServiceCollection AddVodClient(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(VodClient)))
        {
            return services;
        }

        services.AddOptions<VodResilienceOptions>().BindConfiguration(VodResilienceOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<VodClient>();

        // The pipeline owns every timeout; HttpClient's own 100 s would cut retries short.
        var httpClient = services.AddHttpClient(VodClient.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan);
        httpClient.AddResilienceHandler("alibaba-vod", static (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<VodResilienceOptions>>().Value;
            // Bounded retries of bounded attempts bound the whole call, so no outer timeout is needed.
            pipeline
                .AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = options.MaxRetries,
                    ShouldHandle = args => VodTransientReplies.ShouldRetryAsync(args.Outcome, args.Context.GetRequestMessage()),
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = options.RetryDelay,
                })
                .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                {
                    ShouldHandle = args => VodTransientReplies.IsFailure(args.Outcome),
                    FailureRatio = 0.5,
                    MinimumThroughput = 20,
                    SamplingDuration = TimeSpan.FromSeconds(60),
                    BreakDuration = options.BreakDuration,
                })
                .AddTimeout(options.AttemptTimeout);
        })
        .SelectPipelineByAuthority();

        // Added after the pipeline, so it runs inside it: once per attempt.
        httpClient.AddHttpMessageHandler(sp => new VodSigningHandler(sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
