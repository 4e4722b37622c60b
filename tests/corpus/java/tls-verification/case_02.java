import io.netty.handler.ssl.SslContextBuilder;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;

class TelemetryChannelInitializer extends ChannelInitializer<SocketChannel> {
    @Override
    protected void initChannel(SocketChannel ch) throws Exception {
        var sslCtx = SslContextBuilder.forClient().build();
        var handler = sslCtx.newHandler(ch.alloc(), "telemetry.example.com", 443);
        var params = handler.engine().getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS");
        handler.engine().setSSLParameters(params);
        ch.pipeline().addLast(handler);
    }
}
