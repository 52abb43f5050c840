package io.jamboree.rpc.internal;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.EventExecutorGroup;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RPC server's network side (Netty): HTTP/1.1 with a WebSocket upgrade on any path; text frames carry JSON-RPC
 * messages to the {@link JsonRpcDispatcher} (run off the I/O threads, in order per connection); plain HTTP GETs are
 * answered by {@code httpContent} (the dashboard) or 404. A connection whose client does not read its messages
 * (write buffer above {@code maxPendingBytes}) is closed instead of buffering without bound.
 */
final class RpcWebSocketServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RpcWebSocketServer.class);
    /** The largest message: a work-package bundle (W_B, 13,791,360 octets) in base64 fits. */
    static final int MAX_MESSAGE_BYTES = 24 << 20;

    /** A static HTTP response for a GET path, or null for 404. */
    record Content(String contentType, byte[] body) {}

    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final EventExecutorGroup handlers;
    private final Channel server;
    private final InetSocketAddress address;

    RpcWebSocketServer(InetSocketAddress bind, JsonRpcDispatcher dispatcher, Subscriptions subscriptions,
            Function<String, Content> httpContent, int maxPendingBytes) throws InterruptedException {
        boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        workers = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        handlers = new DefaultEventExecutorGroup(2);
        try {
            ServerBootstrap b = new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class)
                    .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK,
                            new WriteBufferWaterMark(maxPendingBytes / 2, maxPendingBytes))
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ChannelPipeline p = ch.pipeline();
                            p.addLast(new HttpServerCodec());
                            p.addLast(new HttpObjectAggregator(64 * 1024));
                            p.addLast(new PlainHttp(httpContent));
                            p.addLast(new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig.newBuilder()
                                    .websocketPath("/").checkStartsWith(true).maxFramePayloadLength(MAX_MESSAGE_BYTES)
                                    .build()));
                            p.addLast(new WebSocketFrameAggregator(MAX_MESSAGE_BYTES));
                            p.addLast(handlers, new Frames(dispatcher, subscriptions));
                        }
                    });
            server = b.bind(bind).sync().channel();
            address = (InetSocketAddress) server.localAddress();
        } catch (RuntimeException | InterruptedException e) {
            shutdown();
            throw e;
        }
    }

    InetSocketAddress address() {
        return address;
    }

    @Override
    public void close() {
        if (server != null) {
            server.close().awaitUninterruptibly();
        }
        shutdown();
    }

    private void shutdown() {
        boss.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS);
        handlers.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS);
    }

    /** Answers plain HTTP requests (no WebSocket upgrade): GET of the static content, else 404/405. */
    private static final class PlainHttp extends SimpleChannelInboundHandler<FullHttpRequest> {
        private final Function<String, Content> content;

        PlainHttp(Function<String, Content> content) {
            super(false);
            this.content = content;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
            if (req.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)) {
                ctx.fireChannelRead(req);
                return;
            }
            try {
                FullHttpResponse resp;
                if (!req.method().equals(HttpMethod.GET)) {
                    resp = text(HttpResponseStatus.METHOD_NOT_ALLOWED, "only GET and WebSocket upgrades\n");
                } else {
                    String path = req.uri().replaceFirst("[?#].*$", "");
                    Content c = content.apply(path);
                    if (c == null) {
                        resp = text(HttpResponseStatus.NOT_FOUND, "not found: " + path
                                + "\nJIP-2 JSON-RPC: connect a WebSocket to this address\n");
                    } else {
                        resp = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                                Unpooled.wrappedBuffer(c.body()));
                        resp.headers().set(HttpHeaderNames.CONTENT_TYPE, c.contentType());
                    }
                }
                resp.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, resp.content().readableBytes());
                resp.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-cache");
                boolean keepAlive = HttpUtil.isKeepAlive(req);
                if (keepAlive) {
                    resp.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
                    ctx.writeAndFlush(resp);
                } else {
                    ctx.writeAndFlush(resp).addListener(ChannelFutureListener.CLOSE);
                }
            } finally {
                ReferenceCountUtil.release(req);
            }
        }

        private static FullHttpResponse text(HttpResponseStatus status, String body) {
            FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                    Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
            r.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
            return r;
        }
    }

    /** JSON-RPC over text frames, one connection = one {@link RpcSession}. */
    private static final class Frames extends SimpleChannelInboundHandler<TextWebSocketFrame> {
        private final JsonRpcDispatcher dispatcher;
        private final Subscriptions subscriptions;
        private ChannelSession session;

        Frames(JsonRpcDispatcher dispatcher, Subscriptions subscriptions) {
            this.dispatcher = dispatcher;
            this.subscriptions = subscriptions;
        }

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            session = new ChannelSession(ctx.channel());
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
            String reply = dispatcher.handle(frame.text(), session);
            if (reply != null) {
                ctx.channel().writeAndFlush(new TextWebSocketFrame(reply));
            }
            subscriptions.started(session);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            subscriptions.closed(session);
            ctx.fireChannelInactive();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.debug("RPC connection {}: {}", ctx.channel().remoteAddress(), cause.toString());
            ctx.close();
        }
    }

    /** A connection; notifications are dropped and the connection closed when the client stops reading. */
    private static final class ChannelSession implements RpcSession {
        private final Channel channel;

        ChannelSession(Channel channel) {
            this.channel = channel;
        }

        @Override
        public boolean send(String text) {
            if (!channel.isActive()) {
                return false;
            }
            if (!channel.isWritable()) {
                LOG.info("RPC client {} does not read its notifications: disconnected", channel.remoteAddress());
                // a close frame would queue behind what the client does not read: drop the connection
                channel.close();
                return false;
            }
            channel.writeAndFlush(new TextWebSocketFrame(text));
            return true;
        }

        @Override
        public boolean open() {
            return channel.isActive();
        }
    }
}
