using MediaAdmin.Web.Api.Actions;

namespace MediaAdmin.Web.Api;

internal static class VodApiServiceCollectionExtensions
{
    /// <summary>Registers the VOD RPC API's rate limits, its authenticator and one handler per action.</summary>
    public static IServiceCollection AddVodRpcApi(this IServiceCollection services)
    {
        services.AddSingleton<RpcRateLimits>();
        services.AddSingleton<RpcAuthenticator>();
        services.AddSingleton<DeleteVideoAction>();
        services.AddSingleton<GetVideoInfoAction>();
        services.AddSingleton<GetVideoListAction>();
        services.AddSingleton<SearchMediaAction>();
        return services;
    }
}
