using System.Buffers;
using System.Text;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Internal;
using SeatGrpc.Runtime.Tests.Echo;
using SeatGrpc.Runtime.Tests.Fakes;

namespace SeatGrpc.Runtime.Tests;

public sealed class MarshallerTests
{
    [Fact]
    public void SimpleMarshaller_ContextualSerializer_CompletesWithSerializedArray()
    {
        var marshaller = Marshallers.Create<string>(Encoding.UTF8.GetBytes, Encoding.UTF8.GetString);
        var context = new ArraySerializationContext();

        marshaller.ContextualSerializer("héllo", context);

        Assert.Equal(Encoding.UTF8.GetBytes("héllo"), context.GetPayload());
    }

    [Fact]
    public void SimpleMarshaller_ContextualDeserializer_ReadsPayload()
    {
        var marshaller = Marshallers.Create<string>(Encoding.UTF8.GetBytes, Encoding.UTF8.GetString);

        var value = marshaller.ContextualDeserializer(new ArrayDeserializationContext(Encoding.UTF8.GetBytes("abc")));

        Assert.Equal("abc", value);
    }

    [Fact]
    public void ContextualMarshaller_Serializer_UsesBufferWriter()
    {
        var marshaller = Marshallers.Create<string>(
            (value, context) =>
            {
                var bytes = Encoding.UTF8.GetBytes(value);
                context.SetPayloadLength(bytes.Length);
                context.GetBufferWriter().Write(bytes);
                context.Complete();
            },
            context => Encoding.UTF8.GetString(context.PayloadAsReadOnlySequence()));

        var payload = marshaller.Serializer("xyz");

        Assert.Equal("xyz"u8.ToArray(), payload);
    }

    [Fact]
    public void ContextualMarshaller_Deserializer_SeesWholeArray()
    {
        var marshaller = Marshallers.Create<string>(
            (value, context) => context.Complete(Encoding.UTF8.GetBytes(value)),
            context => $"{context.PayloadLength}:{Encoding.UTF8.GetString(context.PayloadAsNewBuffer())}");

        var value = marshaller.Deserializer("abcd"u8.ToArray());

        Assert.Equal("4:abcd", value);
    }

    [Fact]
    public void ContextualSerializer_NeverCompletes_SerializerThrows()
    {
        var marshaller = Marshallers.Create<string>((_, _) => { }, _ => string.Empty);

        Assert.Throws<InvalidOperationException>(() => marshaller.Serializer("x"));
    }

    [Fact]
    public void SerializationContext_CompletedTwice_Throws()
    {
        var context = new ArraySerializationContext();
        context.Complete([1]);

        Assert.Throws<InvalidOperationException>(() => context.Complete([2]));
    }

    [Fact]
    public void StringMarshaller_RoundTrip_PreservesUtf8()
    {
        var marshaller = Marshallers.StringMarshaller;

        var value = marshaller.Deserializer(marshaller.Serializer("ünïcödé"));

        Assert.Equal("ünïcödé", value);
    }

    [Fact]
    public void GeneratedMarshaller_SimpleSerializer_MatchesProtobufBytes()
    {
        var method = (Method<EchoRequest, EchoResponse>)BindEchoMethods().Single(m => m.Name == "Echo");
        var request = new EchoRequest { Message = "hello" };

        var bytes = method.RequestMarshaller.Serializer(request);
        var parsed = method.RequestMarshaller.Deserializer(bytes);

        Assert.Equal(request.ToByteArray(), bytes);
        Assert.Equal(request, parsed);
    }

    [Fact]
    public void GeneratedMarshaller_ContextualDeserializer_ParsesSequence()
    {
        var method = (Method<EchoRequest, EchoResponse>)BindEchoMethods().Single(m => m.Name == "Echo");
        var response = new EchoResponse { Message = "back" };

        var parsed = method.ResponseMarshaller.ContextualDeserializer(new ArrayDeserializationContext(response.ToByteArray()));

        Assert.Equal(response, parsed);
    }

    private static IEnumerable<IMethod> BindEchoMethods()
    {
        var binder = new RecordingServiceBinder();
        EchoService.BindService(binder, new EchoServiceImpl());
        return binder.Methods.Select(m => m.Method);
    }
}
