// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// Child process of tst_crash: makes COUNT changes to the store at PATH as fast as it
// can (alternately adds a PC and moves the previous one to TESTING) until it is done
// or killed. Prints "started" once the store is open so the parent times its kill.
#include "inventory/store.h"

#include <QCoreApplication>

#include <cstdio>

using namespace Etabli::Inventory;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 3) {
        std::fprintf(stderr, "usage: store_writer PATH COUNT\n");
        return 2;
    }
    auto opened = Store::open(args[1], Identity{QStringLiteral("crash-bench"), QStringLiteral("writer")});
    if (!opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error().message));
        return 1;
    }
    Store &store = **opened;
    std::printf("started\n");
    std::fflush(stdout);
    const int count = args[2].toInt();
    QString last;
    for (int i = 0; i < count; ++i) {
        if (i % 2 == 0) {
            auto a = store.addAsset(NewAsset{});
            if (!a) {
                std::fprintf(stderr, "%s\n", qPrintable(a.error().message));
                return 1;
            }
            last = a->tag;
        } else if (auto m = store.moveAsset(last, AssetState::Testing); !m) {
            std::fprintf(stderr, "%s\n", qPrintable(m.error().message));
            return 1;
        }
    }
    return 0;
}
