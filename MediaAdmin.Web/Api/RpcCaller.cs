namespace MediaAdmin.Web.Api;

/// <summary>Who a request that passed authentication acts as: the AccessKey's owner, through that key, from an address.</summary>
internal sealed record RpcCaller(string UserId, string AccessKeyId, string Address);
