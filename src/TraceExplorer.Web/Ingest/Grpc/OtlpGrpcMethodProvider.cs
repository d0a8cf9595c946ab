using Google.Protobuf;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;

namespace TraceExplorer.Web.Ingest.Grpc;

/// <summary>
/// Binds an OTLP service's unary Export with a marshaller of our own. The generated one lets a body that is not the
/// message fail as UNKNOWN, which exporters retry forever; ours answers INVALID_ARGUMENT with the parser's message, which
/// they drop. The service classes therefore do not derive from the generated bases (that would bind Export twice).
/// </summary>
internal sealed class OtlpGrpcMethodProvider<TService, TRequest, TResponse>(
    string serviceName, UnaryServerMethod<TService, TRequest, TResponse> export) : IServiceMethodProvider<TService>
    where TService : class
    where TRequest : class, IMessage<TRequest>, new()
    where TResponse : class, IMessage<TResponse>, new()
{
    private static readonly MessageParser<TRequest> RequestParser = new(() => new TRequest());
    private static readonly MessageParser<TResponse> ResponseParser = new(() => new TResponse());

    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<TService> context)
    {
        var method = new Method<TRequest, TResponse>(MethodType.Unary, serviceName, "Export",
            new Marshaller<TRequest>((message, serialization) => serialization.Complete(message.ToByteArray()), Deserialize),
            Marshallers.Create(message => message.ToByteArray(), ResponseParser.ParseFrom));
        context.AddUnaryMethod(method, [], export);
    }

    private static TRequest Deserialize(DeserializationContext context)
    {
        try
        {
            return RequestParser.ParseFrom(context.PayloadAsReadOnlySequence());
        }
        catch (InvalidProtocolBufferException exception)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "The message is not an OTLP protobuf message: " + exception.Message));
        }
    }
}
