// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "inventory/server/api.h"

#include <QAbstractHttpServer>

#include <functional>

namespace Etabli::Server {

/// The one place that knows QtHttpServer (a technology preview in Qt 6.4): it turns
/// each request into an ApiRequest, hands it to `handler` and writes the answer.
/// Lives in the thread that runs its event loop; `handler` is called there.
class HttpAdaptor : public QAbstractHttpServer
{
    Q_OBJECT
public:
    using Handler = std::function<ApiResponse(const ApiRequest &)>;
    explicit HttpAdaptor(Handler handler, QObject *parent = nullptr);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    Handler m_handler;
};

} // namespace Etabli::Server
